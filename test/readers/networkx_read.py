"""Reads a GraphML or GEXF file with NetworkX and prints it as JSON, for the export tests.

Usage: python3 networkx_read.py graphml|gexf FILE [gexf-version]
"""
import json
import sys

import networkx as nx


def main() -> None:
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "graphml":
        graph = nx.read_graphml(path, force_multigraph=True)
    else:
        graph = nx.read_gexf(path, version=sys.argv[3] if len(sys.argv) > 3 else "1.2draft")
    nodes = [{"id": node, "attributes": data} for node, data in graph.nodes(data=True)]
    if graph.is_multigraph():
        triples = [(s, t, d) for s, t, _key, d in graph.edges(keys=True, data=True)]
    else:
        triples = list(graph.edges(data=True))
    edges = [{"source": s, "target": t, "attributes": d} for s, t, d in triples]
    json.dump({"nodes": nodes, "edges": edges}, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
