import type { LinkType } from '../model';
import type { Arena } from './arena';
import { Kind, LinkArrays, ScheduleInput } from './input';

/** Edge kinds besides links (whose edges carry the link's index, >= 0). */
export const INHERIT_EDGE = -1; // summary start -> a subtask's start: the summary's start bound applies to it
export const ROLLUP_EDGE = -2; // a subtask's finish -> its summary's finish: the summary spans its subtasks

/** Link types' names, by type: LINK_FS, LINK_SS, LINK_FF, LINK_SF (see input.ts). */
export const LINK_NAMES: LinkType[] = ['FS', 'SS', 'FF', 'SF'];

/**
 * The task network as flat arrays. Task i is node i (for a summary task, the
 * node of its finish); summary task i also has a start node n + k. Links run
 * from a predecessor's finish node to a successor's start node; a summary's
 * start node feeds its subtasks and their finishes feed the summary's finish.
 *
 * The edges are not stored as such: links arrive grouped by successor, so the
 * links into task j are a range of link indices, and the hierarchy edges follow
 * from the parent column. The passes walk links only into tasks and edges only
 * upwards: the backward pass pushes bounds to predecessors, and each pass
 * widens a summary's span as its subtasks are placed. The links out of each
 * task and the subtasks of each summary are indexed only where Kahn's order or
 * the loop search needs them (see {@link adjacency}). (Two full edge lists, in
 * and out, took three times the memory, and at a million tasks the passes are
 * bound by memory, not arithmetic.)
 */
export interface Network extends LinkArrays {
  taskCount: number;
  nodeCount: number;
  /** For node v >= taskCount: the summary task it starts. */
  summaryOfStartNode: Int32Array;
  /** Start node of each task (the task itself for a leaf). */
  startNode: Int32Array;
  /** Each task's summary task, or -1. */
  parent: Int32Array;
  /** Nodes in topological order; shorter than nodeCount when there are loops. */
  order: Int32Array;
}

export function buildNetwork(input: ScheduleInput): Network {
  const n = input.taskCount;
  const { kind, parent, arena } = input;
  const startNode = arena.i32(n);
  const summaryOfStartNode = arena.i32(input.summaryCount);
  let summaries = 0;
  for (let i = 0; i < n; i++) {
    if (kind[i] === Kind.Summary) {
      summaryOfStartNode[summaries] = i;
      startNode[i] = n + summaries++;
    } else {
      startNode[i] = i;
    }
  }
  const nodeCount = n + summaries;

  const net: Network = {
    taskCount: n,
    nodeCount,
    summaryOfStartNode,
    startNode,
    parent,
    linkStart: input.linkStart,
    linkPred: input.linkPred,
    linkWord: input.linkWord,
    lagPercent: input.lagPercent,
    order: new Int32Array(0),
  };
  net.order = outlineOrder(input, startNode, nodeCount) ?? kahnOrder(net, arena);
  return net;
}

/**
 * What Kahn's order and the loop search walk besides the network: the links out of each task,
 * outLink[outStart[p]] .. outLink[outStart[p + 1] - 1] in link order with each one's successor
 * alongside (outSucc), and the subtasks of each summary k (start node n + k) in row order,
 * children[childStart[k]] .. children[childStart[k + 1] - 1]. The scheduling passes need neither.
 */
export interface Adjacency {
  outStart: Int32Array;
  outLink: Int32Array;
  outSucc: Int32Array;
  childStart: Int32Array;
  children: Int32Array;
}

/** Indexes the links out of each task and the subtasks of each summary, from the arena if given. */
export function adjacency(net: Network, arena?: Arena): Adjacency {
  const n = net.taskCount;
  const summaries = net.nodeCount - n;
  const { linkStart, linkPred, parent, startNode } = net;
  const count = linkPred.length;
  const i32 = (length: number) => (arena ? arena.i32(length) : new Int32Array(length));
  let childCount = 0;
  for (let i = 0; i < n; i++) if (parent[i] >= 0) childCount++;
  const childStart = i32(summaries + 1);
  const children = i32(childCount);
  for (let i = 0; i < n; i++) if (parent[i] >= 0) childStart[startNode[parent[i]] - n + 1]++;
  for (let k = 0; k < summaries; k++) childStart[k + 1] += childStart[k];
  for (let i = 0; i < n; i++) if (parent[i] >= 0) children[childStart[startNode[parent[i]] - n]++] = i;
  for (let k = summaries; k > 0; k--) childStart[k] = childStart[k - 1];
  childStart[0] = 0;
  const outStart = i32(n + 1);
  const outLink = i32(count);
  const outSucc = i32(count);
  for (let l = 0; l < count; l++) outStart[linkPred[l] + 1]++;
  for (let p = 0; p < n; p++) outStart[p + 1] += outStart[p];
  // Place with outStart[p] as the cursor, then shift back: outStart[p] ends as the start of p + 1.
  for (let j = 0; j < n; j++) {
    for (let l = linkStart[j]; l < linkStart[j + 1]; l++) {
      const at = outStart[linkPred[l]]++;
      outLink[at] = l;
      outSucc[at] = j;
    }
  }
  for (let p = n; p > 0; p--) outStart[p] = outStart[p - 1];
  outStart[0] = 0;
  return { outStart, outLink, outSucc, childStart, children };
}

/** The successor of link l (a search among the ranges: for reports, not for the passes). */
export function successorOf(net: { linkStart: Int32Array; taskCount: number }, l: number): number {
  let lo = 0;
  let hi = net.taskCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (net.linkStart[mid] <= l) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Number of edges into node v. */
function inDegree(net: Network, adj: Adjacency, v: number): number {
  const n = net.taskCount;
  if (v >= n) {
    const i = net.summaryOfStartNode[v - n];
    return net.linkStart[i + 1] - net.linkStart[i] + (net.parent[i] >= 0 ? 1 : 0);
  }
  const k = net.startNode[v] - n;
  // A summary's finish waits for its subtasks; with none (only a plan built in code), for its start.
  if (k >= 0) return Math.max(1, adj.childStart[k + 1] - adj.childStart[k]);
  return net.linkStart[v + 1] - net.linkStart[v] + (net.parent[v] >= 0 ? 1 : 0);
}

/**
 * The edges out of node v, as (node, edge) pairs: edge is a link index, or
 * {@link INHERIT_EDGE} / {@link ROLLUP_EDGE}. Allocates: for the loop search and
 * orders, not for the scheduling passes.
 */
export function edgesOut(net: Network, adj: Adjacency, v: number): { node: number; edge: number }[] {
  const n = net.taskCount;
  const out: { node: number; edge: number }[] = [];
  if (v >= n) {
    for (let k = adj.childStart[v - n]; k < adj.childStart[v - n + 1]; k++)
      out.push({ node: net.startNode[adj.children[k]], edge: INHERIT_EDGE });
    if (out.length === 0) out.push({ node: net.summaryOfStartNode[v - n], edge: INHERIT_EDGE }); // no subtasks: to its own finish
    return out;
  }
  for (let k = adj.outStart[v]; k < adj.outStart[v + 1]; k++) {
    out.push({ node: net.startNode[adj.outSucc[k]], edge: adj.outLink[k] });
  }
  if (net.parent[v] >= 0) out.push({ node: net.parent[v], edge: ROLLUP_EDGE });
  return out;
}

/** Kahn's algorithm, taking nodes in row order where the graph leaves a choice. */
function kahnOrder(net: Network, arena: Arena): Int32Array {
  const { nodeCount, taskCount: n, startNode, parent, summaryOfStartNode } = net;
  const adj = adjacency(net, arena);
  const { outStart, outSucc, childStart, children } = adj;
  const indegree = arena.i32(nodeCount);
  for (let v = 0; v < nodeCount; v++) indegree[v] = inDegree(net, adj, v);
  const order = arena.i32(nodeCount);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < nodeCount; v++) if (indegree[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++];
    if (v >= n) {
      for (let k = childStart[v - n]; k < childStart[v - n + 1]; k++) {
        const w = startNode[children[k]];
        if (--indegree[w] === 0) order[tail++] = w;
      }
      // A summary with no subtasks: its finish follows its start (see inDegree).
      if (childStart[v - n] === childStart[v - n + 1] && --indegree[summaryOfStartNode[v - n]] === 0)
        order[tail++] = summaryOfStartNode[v - n];
      continue;
    }
    for (let k = outStart[v]; k < outStart[v + 1]; k++) {
      const w = startNode[outSucc[k]];
      if (--indegree[w] === 0) order[tail++] = w;
    }
    const p = parent[v];
    if (p >= 0 && --indegree[p] === 0) order[tail++] = p;
  }
  return tail === nodeCount ? order : order.subarray(0, tail);
}

/**
 * The nodes in row order, when that is a topological order: every link runs from a row above
 * to a row below (as plans are usually typed). A summary's start node stands at its row, its
 * finish node after its last subtask. Walking the arrays in row order keeps the passes on
 * neighbouring memory; Kahn's breadth-first order hops between parallel branches, which at a
 * million tasks costs more than the arithmetic. Null when the rows are not in such an order
 * (the input says: see ScheduleInput.rowOrder).
 */
function outlineOrder(input: ScheduleInput, startNode: Int32Array, nodeCount: number): Int32Array | null {
  if (!input.rowOrder) return null;
  const { parent } = input;
  const n = input.taskCount;
  const order = input.arena.i32(nodeCount);
  const open: number[] = []; // summaries whose subtasks are still being listed
  let o = 0;
  for (let i = 0; i < n; i++) {
    // Close the summaries that row i is not inside: their finish comes after their last subtask.
    while (open.length > 0 && open[open.length - 1] !== parent[i]) order[o++] = open.pop()!;
    if (startNode[i] !== i) {
      order[o++] = startNode[i];
      open.push(i);
    } else {
      order[o++] = i;
    }
  }
  while (open.length > 0) order[o++] = open.pop()!;
  return order;
}

/**
 * Loops in a network whose order is incomplete: each a list of link indices
 * that closes a cycle, at most `limit` of them, found by depth-first search
 * over the nodes Kahn's algorithm could not place.
 */
export function findLoops(net: Network, limit = 5): number[][] {
  const placed = new Uint8Array(net.nodeCount);
  for (let k = 0; k < net.order.length; k++) placed[net.order[k]] = 1;
  const state = new Uint8Array(net.nodeCount); // 0 new, 1 on stack, 2 done
  const loops: number[][] = [];
  const adj = adjacency(net);
  const pathNodes: number[] = [];
  const pathEdges: number[] = [];
  const pending: { node: number; edge: number }[][] = [];
  const cursor: number[] = [];
  for (let root = 0; root < net.nodeCount && loops.length < limit; root++) {
    if (placed[root] || state[root]) continue;
    pathNodes.push(root);
    pending.push(edgesOut(net, adj, root));
    cursor.push(0);
    state[root] = 1;
    while (pathNodes.length > 0 && loops.length < limit) {
      const v = pathNodes[pathNodes.length - 1];
      const edges = pending[pending.length - 1];
      const k = cursor[cursor.length - 1];
      if (k >= edges.length) {
        state[v] = 2;
        pathNodes.pop();
        pending.pop();
        cursor.pop();
        pathEdges.pop();
        continue;
      }
      cursor[cursor.length - 1] = k + 1;
      const { node: w, edge } = edges[k];
      if (placed[w] || state[w] === 2) continue;
      if (state[w] === 1) {
        const at = pathNodes.indexOf(w);
        loops.push([...pathEdges.slice(at), edge].filter((x) => x >= 0));
        state[w] = 2; // report each loop once
        continue;
      }
      state[w] = 1;
      pathNodes.push(w);
      pathEdges.push(edge);
      pending.push(edgesOut(net, adj, w));
      cursor.push(0);
    }
    for (const v of pathNodes) state[v] = 2;
    pathNodes.length = 0;
    pathEdges.length = 0;
    pending.length = 0;
    cursor.length = 0;
  }
  return loops;
}
