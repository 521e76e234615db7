// A small evaluator of Kubernetes NetworkPolicy semantics (IPv4, numeric ports), enough to ask "may
// this pod connect to that peer on this port?" of the policies in deploy/k8s.
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';

export type Protocol = 'TCP' | 'UDP';
type ILabelSelector = NonNullable<INetworkPolicy['spec']>['podSelector'];

/** A pod (namespace + labels) or an address outside the cluster. */
export type Peer =
  | { kind: 'pod'; namespace: string; labels: Record<string, string> }
  | { kind: 'ip'; ip: string };

export const pod = (namespace: string, labels: Record<string, string>): Peer => ({ kind: 'pod', namespace, labels });
export const ip = (address: string): Peer => ({ kind: 'ip', ip: address });

/** Namespaces carry kubernetes.io/metadata.name = their name (set by Kubernetes itself). */
const namespaceLabels = (name: string): Record<string, string> => ({ 'kubernetes.io/metadata.name': name });

export function labelSelectorMatches(selector: ILabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every((expression) => {
    const value = labels[expression.key];
    switch (expression.operator) {
      case 'In':
        return value !== undefined && (expression.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(expression.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        throw new Error(`unknown selector operator ${expression.operator}`);
    }
  });
  return byLabels && byExpressions;
}

function ipToNumber(address: string): number {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`not an IPv4 address: ${address}`);
  return parts.reduce((acc, part) => acc * 256 + part, 0);
}

export function inCidr(address: string, cidr: string): boolean {
  const [network, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const size = 2 ** (32 - bits);
  const start = Math.floor(ipToNumber(network!) / size) * size;
  const value = ipToNumber(address);
  return value >= start && value < start + size;
}

function peerMatches(peer: INetworkPolicyPeer, policyNamespace: string, other: Peer): boolean {
  if (peer.ipBlock) {
    // ipBlock is meant for addresses outside the cluster; pod addresses are not modelled here.
    return other.kind === 'ip' && inCidr(other.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c) => inCidr(other.ip, c));
  }
  if (other.kind !== 'pod') return false;
  const namespaceOk = peer.namespaceSelector
    ? labelSelectorMatches(peer.namespaceSelector, namespaceLabels(other.namespace))
    : other.namespace === policyNamespace;
  const podOk = peer.podSelector ? labelSelectorMatches(peer.podSelector, other.labels) : true;
  return namespaceOk && podOk;
}

function portMatches(ports: INetworkPolicyPort[] | undefined, port: number, protocol: Protocol): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port !== 'number') throw new Error(`named port ${p.port} is not modelled`);
    return p.endPort === undefined ? p.port === port : port >= p.port && port <= p.endPort;
  });
}

const types = (policy: INetworkPolicy): string[] =>
  policy.spec?.policyTypes ?? ['Ingress', ...(policy.spec?.egress ? ['Egress'] : [])];

/** May the pod `from` open a connection to `to` on port/protocol, as far as egress rules go? */
export function egressAllowed(policies: INetworkPolicy[], from: Extract<Peer, { kind: 'pod' }>, to: Peer, port: number, protocol: Protocol = 'TCP'): boolean {
  const selecting = policies.filter((p) => types(p).includes('Egress') && labelSelectorMatches(p.spec?.podSelector, from.labels));
  if (selecting.length === 0) return true;
  return selecting.some((policy) =>
    (policy.spec?.egress ?? []).some(
      (rule) => ((rule.to ?? []).length === 0 || (rule.to ?? []).some((peer) => peerMatches(peer, from.namespace, to))) && portMatches(rule.ports, port, protocol),
    ),
  );
}

/** May `from` connect to the pod `to` on port/protocol, as far as the target's ingress rules go? */
export function ingressAllowed(policies: INetworkPolicy[], to: Extract<Peer, { kind: 'pod' }>, from: Peer, port: number, protocol: Protocol = 'TCP'): boolean {
  const selecting = policies.filter((p) => types(p).includes('Ingress') && labelSelectorMatches(p.spec?.podSelector, to.labels));
  if (selecting.length === 0) return true;
  return selecting.some((policy) =>
    (policy.spec?.ingress ?? []).some(
      (rule) => ((rule.from ?? []).length === 0 || (rule.from ?? []).some((peer) => peerMatches(peer, to.namespace, from))) && portMatches(rule.ports, port, protocol),
    ),
  );
}
