import type { LinkType } from '../model';
import { Kind, LinkArrays, ScheduleInput } from './input';

/** Edge kinds besides links (whose edges carry the link's index, >= 0). */
export const INHERIT_EDGE = -1; // summary start -> a subtask's start: the summary's start bound applies to it
export const ROLLUP_EDGE = -2; // a subtask's finish -> its summary's finish: the summary spans its subtasks

export const LINK_NAMES: LinkType[] = ['FS', 'SS', 'FF', 'SF'];

/**
 * The task network as flat arrays. Task i is node i (for a summary task, the
 * node of its finish); summary task i also has a start node n + k. Links run
 * from a predecessor's finish node to a successor's start node; a summary's
 * start node feeds its subtasks and their finishes feed the summary's finish.
 */
export interface Network extends LinkArrays {
  taskCount: number;
  nodeCount: number;
  /** For node v >= taskCount: the summary task it starts. */
  summaryOfStartNode: Int32Array;
  /** Start node of each task (the task itself for a leaf). */
  startNode: Int32Array;
  outStart: Int32Array;
  outNode: Int32Array;
  outEdge: Int32Array;
  inStart: Int32Array;
  inNode: Int32Array;
  inEdge: Int32Array;
  /** Nodes in topological order; shorter than nodeCount when there are loops. */
  order: Int32Array;
}

export function buildNetwork(input: ScheduleInput): Network {
  const n = input.taskCount;
  const { kind, parent, linkPred, linkSucc, arena } = input;
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
  const linkCount = linkPred.length;
  let hierarchyEdges = 0;
  for (let i = 0; i < n; i++) if (parent[i] >= 0) hierarchyEdges += 2;
  const edgeCount = linkCount + hierarchyEdges;

  // Edges, in a fixed order: every link, then for each task with a summary its two hierarchy edges.
  // CSR in both directions, filled by visiting that order twice (count, then place).
  const outStart = arena.i32(nodeCount + 1);
  const inStart = arena.i32(nodeCount + 1);
  for (let l = 0; l < linkCount; l++) {
    outStart[linkPred[l] + 1]++;
    inStart[startNode[linkSucc[l]] + 1]++;
  }
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    if (p < 0) continue;
    outStart[startNode[p] + 1]++; // summary start -> subtask start
    inStart[startNode[i] + 1]++;
    outStart[i + 1]++; // subtask finish -> summary finish
    inStart[p + 1]++;
  }
  for (let v = 0; v < nodeCount; v++) {
    outStart[v + 1] += outStart[v];
    inStart[v + 1] += inStart[v];
  }
  const outFill = arena.i32(nodeCount);
  outFill.set(outStart.subarray(0, nodeCount));
  const inFill = arena.i32(nodeCount);
  inFill.set(inStart.subarray(0, nodeCount));
  const outNode = arena.i32(edgeCount);
  const outEdge = arena.i32(edgeCount);
  const inNode = arena.i32(edgeCount);
  const inEdge = arena.i32(edgeCount);
  // Three kinds of edge (links, summary start -> subtask start, subtask -> summary finish): one loop
  // over all of them, edge e < linkCount being link e (no per-call helper closure: it would defeat
  // V8's optimised code on the next call).
  for (let e = 0; e < linkCount + 2 * n; e++) {
    let from: number;
    let to: number;
    let edge: number;
    if (e < linkCount) {
      from = linkPred[e];
      to = startNode[linkSucc[e]];
      edge = e;
    } else {
      const i = (e - linkCount) >> 1;
      const p = parent[i];
      if (p < 0) continue;
      if (((e - linkCount) & 1) === 0) {
        from = startNode[p];
        to = startNode[i];
        edge = INHERIT_EDGE;
      } else {
        from = i;
        to = p;
        edge = ROLLUP_EDGE;
      }
    }
    const o = outFill[from]++;
    outNode[o] = to;
    outEdge[o] = edge;
    const k = inFill[to]++;
    inNode[k] = from;
    inEdge[k] = edge;
  }

  const rowOrder = outlineOrder(input, startNode, nodeCount);
  if (rowOrder !== null) {
    return {
      taskCount: n, nodeCount, summaryOfStartNode, startNode,
      linkPred, linkSucc, linkType: input.linkType, linkLag: input.linkLag,
      linkLagElapsed: input.linkLagElapsed, linkLagPercent: input.linkLagPercent,
      outStart, outNode, outEdge, inStart, inNode, inEdge, order: rowOrder,
    };
  }

  // Kahn's algorithm, taking nodes in row order where the graph leaves a choice.
  const indegree = arena.i32(nodeCount);
  for (let v = 0; v < nodeCount; v++) indegree[v] = inStart[v + 1] - inStart[v];
  const order = arena.i32(nodeCount);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < nodeCount; v++) if (indegree[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++];
    for (let k = outStart[v]; k < outStart[v + 1]; k++) {
      const w = outNode[k];
      if (--indegree[w] === 0) order[tail++] = w;
    }
  }

  return {
    taskCount: n, nodeCount, summaryOfStartNode, startNode,
    linkPred, linkSucc, linkType: input.linkType, linkLag: input.linkLag,
    linkLagElapsed: input.linkLagElapsed, linkLagPercent: input.linkLagPercent,
    outStart, outNode, outEdge, inStart, inNode, inEdge,
    order: tail === nodeCount ? order : order.subarray(0, tail),
  };
}

/**
 * The nodes in row order, when that is a topological order: every link runs from a row above
 * to a row below (as plans are usually typed). A summary's start node stands at its row, its
 * finish node after its last subtask. Walking the arrays in row order keeps the passes on
 * neighbouring memory; Kahn's breadth-first order hops between parallel branches, which at a
 * million tasks costs more than the arithmetic. Null when some link runs upwards.
 */
function outlineOrder(input: ScheduleInput, startNode: Int32Array, nodeCount: number): Int32Array | null {
  const { linkPred, linkSucc, parent } = input;
  for (let l = 0; l < linkPred.length; l++) if (linkPred[l] >= linkSucc[l]) return null;
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
  // Check it against every link (a plan built by hand could link a summary into its own subtasks).
  const position = input.arena.i32(nodeCount);
  for (let k = 0; k < nodeCount; k++) position[order[k]] = k;
  for (let l = 0; l < linkPred.length; l++) if (position[linkPred[l]] >= position[startNode[linkSucc[l]]]) return null;
  return order;
}

/** The task a node belongs to. */
export function taskOfNode(net: Network, v: number): number {
  return v < net.taskCount ? v : net.summaryOfStartNode[v - net.taskCount];
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
  const pathNodes: number[] = [];
  const pathEdges: number[] = [];
  const cursor: number[] = [];
  for (let root = 0; root < net.nodeCount && loops.length < limit; root++) {
    if (placed[root] || state[root]) continue;
    pathNodes.push(root);
    cursor.push(net.outStart[root]);
    state[root] = 1;
    while (pathNodes.length > 0 && loops.length < limit) {
      const v = pathNodes[pathNodes.length - 1];
      const k = cursor[cursor.length - 1];
      if (k >= net.outStart[v + 1]) {
        state[v] = 2;
        pathNodes.pop();
        cursor.pop();
        pathEdges.pop();
        continue;
      }
      cursor[cursor.length - 1] = k + 1;
      const w = net.outNode[k];
      if (placed[w] || state[w] === 2) continue;
      if (state[w] === 1) {
        const at = pathNodes.indexOf(w);
        const edges = [...pathEdges.slice(at), net.outEdge[k]];
        loops.push(edges.filter((x) => x >= 0));
        state[w] = 2; // report each loop once
        continue;
      }
      state[w] = 1;
      pathNodes.push(w);
      pathEdges.push(net.outEdge[k]);
      cursor.push(net.outStart[w]);
    }
    for (const v of pathNodes) state[v] = 2;
    pathNodes.length = 0;
    pathEdges.length = 0;
    cursor.length = 0;
  }
  return loops;
}
