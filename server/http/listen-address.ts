/**
 * What the address the server listens on says about who can reach it: loopback (this machine
 * only) or more, and the host names a browser may put in the Host header to reach it.
 */
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopbackAddress(host: string): boolean {
  const address = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (address === 'localhost' || address === '::1') return true;
  return isIP(address) === 4 && address.startsWith('127.');
}

/** A Host header holds an IPv6 address in brackets. */
function asHostName(address: string): string {
  return isIP(address) === 6 ? `[${address}]` : address;
}

/**
 * The names the server is reached by on `host`, besides localhost: the host itself, or on a
 * wildcard address (0.0.0.0, ::) this machine's name and the addresses of its interfaces.
 */
export function listenHostNames(host: string): string[] {
  if (!WILDCARD_ADDRESSES.has(host)) return [asHostName(host.replace(/^\[|\]$/g, ''))];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .flatMap((entry) => (entry ? [asHostName(entry.address.split('%')[0])] : []));
  return [hostname(), ...addresses];
}
