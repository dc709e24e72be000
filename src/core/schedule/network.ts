import type { LinkType, PlanTask } from '../model';

/** Edge kinds besides links (whose edges carry the link's index, >= 0). */
export const INHERIT_EDGE = -1; // summary start -> a subtask's start: the summary's start bound applies to it
export const ROLLUP_EDGE = -2; // a subtask's finish -> its summary's finish: the summary spans its subtasks

export const LINK_CODES: Record<LinkType, number> = { FS: 0, SS: 1, FF: 2, SF: 3 };
export const LINK_NAMES: LinkType[] = ['FS', 'SS', 'FF', 'SF'];

/**
 * The task network as flat arrays. Task i is node i (for a summary task, the
 * node of its finish); summary task i also has a start node n + k. Links run
 * from a predecessor's finish node to a successor's start node; a summary's
 * start node feeds its subtasks and their finishes feed the summary's finish.
 */
export interface Network {
  taskCount: number;
  nodeCount: number;
  /** For node v >= taskCount: the summary task it starts. */
  summaryOfStartNode: Int32Array;
  /** Start node of each task (the task itself for a leaf). */
  startNode: Int32Array;
  linkPred: Int32Array;
  linkSucc: Int32Array;
  linkType: Uint8Array;
  /** Lag in minutes (working or elapsed), NaN when given as a percentage. */
  linkLag: Float64Array;
  linkLagElapsed: Uint8Array;
  linkLagPercent: Float64Array;
  outStart: Int32Array;
  outNode: Int32Array;
  outEdge: Int32Array;
  inStart: Int32Array;
  inNode: Int32Array;
  inEdge: Int32Array;
  /** Nodes in topological order; shorter than nodeCount when there are loops. */
  order: Int32Array;
}

export function buildNetwork(tasks: readonly PlanTask[]): Network {
  const n = tasks.length;
  let summaries = 0;
  const startNode = new Int32Array(n);
  for (let i = 0; i < n; i++) startNode[i] = tasks[i].isSummary ? n + summaries++ : i;
  const nodeCount = n + summaries;
  const summaryOfStartNode = new Int32Array(summaries);
  for (let i = 0; i < n; i++) if (tasks[i].isSummary) summaryOfStartNode[startNode[i] - n] = i;

  let linkCount = 0;
  for (const t of tasks) linkCount += t.links.length;
  const linkPred = new Int32Array(linkCount);
  const linkSucc = new Int32Array(linkCount);
  const linkType = new Uint8Array(linkCount);
  const linkLag = new Float64Array(linkCount);
  const linkLagElapsed = new Uint8Array(linkCount);
  const linkLagPercent = new Float64Array(linkCount);
  let hierarchyEdges = 0;
  for (const t of tasks) if (t.parent >= 0) hierarchyEdges += 2;
  const edgeCount = linkCount + hierarchyEdges;
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  const kind = new Int32Array(edgeCount);
  let l = 0;
  let e = 0;
  for (let j = 0; j < n; j++) {
    const t = tasks[j];
    for (const link of t.links) {
      linkPred[l] = link.pred;
      linkSucc[l] = j;
      linkType[l] = LINK_CODES[link.type];
      if (link.lag.percent !== undefined) {
        linkLag[l] = NaN;
        linkLagPercent[l] = link.lag.percent;
      } else {
        linkLag[l] = link.lag.minutes;
        linkLagElapsed[l] = link.lag.elapsed ? 1 : 0;
      }
      from[e] = link.pred;
      to[e] = startNode[j];
      kind[e++] = l++;
    }
    if (t.parent >= 0) {
      from[e] = startNode[t.parent];
      to[e] = startNode[j];
      kind[e++] = INHERIT_EDGE;
      from[e] = j;
      to[e] = t.parent;
      kind[e++] = ROLLUP_EDGE;
    }
  }

  const csr = (src: Int32Array, dst: Int32Array) => {
    const start = new Int32Array(nodeCount + 1);
    for (let k = 0; k < edgeCount; k++) start[src[k] + 1]++;
    for (let v = 0; v < nodeCount; v++) start[v + 1] += start[v];
    const fill = start.slice(0, nodeCount);
    const node = new Int32Array(edgeCount);
    const edge = new Int32Array(edgeCount);
    for (let k = 0; k < edgeCount; k++) {
      const at = fill[src[k]]++;
      node[at] = dst[k];
      edge[at] = kind[k];
    }
    return { start, node, edge };
  };
  const out = csr(from, to);
  const inn = csr(to, from);

  // Kahn's algorithm, taking nodes in row order where the graph leaves a choice.
  const indegree = new Int32Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) indegree[v] = inn.start[v + 1] - inn.start[v];
  const order = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < nodeCount; v++) if (indegree[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++];
    for (let k = out.start[v]; k < out.start[v + 1]; k++) {
      const w = out.node[k];
      if (--indegree[w] === 0) order[tail++] = w;
    }
  }

  return {
    taskCount: n, nodeCount, summaryOfStartNode, startNode,
    linkPred, linkSucc, linkType, linkLag, linkLagElapsed, linkLagPercent,
    outStart: out.start, outNode: out.node, outEdge: out.edge,
    inStart: inn.start, inNode: inn.node, inEdge: inn.edge,
    order: tail === nodeCount ? order : order.slice(0, tail),
  };
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
