/*
 * The partnership map. Everything comes from the app's own /graphql and /export/network.* (no CDN, no other host).
 * Features whose query is not served yet (the server answers with errors) show "not available" and the rest of
 * the page carries on: each panel section and chart asks on its own.
 */
(function () {
  'use strict';

  const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'];
  const REGION_COLOURS = {
    Africa: '#E69F00', Americas: '#009E73', Asia: '#CC79A7', Europe: '#0072B2', Oceania: '#56B4E9'
  };
  const KIND_LABEL = { COUNTRY: 'Country', ORGANIZATION: 'Organisation', MISSION: 'Mission', PROGRAM: 'Programme' };

  const NETWORK_QUERY = `query Network($kinds: [PartnershipKind!], $years: YearRange, $confidence: [Confidence!],
      $region: String, $mission: ID, $center: ID, $depth: Int, $includeMissions: Boolean) {
    network(kinds: $kinds, years: $years, confidence: $confidence, region: $region, mission: $mission,
        center: $center, depth: $depth, includeMissions: $includeMissions) {
      nodes { id kind label region personnel personnelAsOf confidence source x y }
      edges { id source target kind year endYear label confidence sourceRef }
    }
  }`;

  const state = {
    cy: null,
    network: null,
    clusters: null,        // a view too large to draw node by node: its groups (see MAX_DRAWN_NODES)
    positions: null,       // Map id -> {x, y}: the server's force-directed layout of the view, when it gave one
    layoutRun: null,       // the Cytoscape layout the map last ran ('preset' for the server's positions)
    nodesById: new Map(),
    selected: null,
    centrality: null,      // Map id -> score, from Query.centrality when it is served
    isolated: new Set(),
    analysisReady: false,  // set once the analysis year knows the data's latest year
    yearsByHand: false,    // the user typed the network's years: they no longer follow the analysis year
    isolatedSeq: 0,
    providersSeq: 0,
    remoteSearch: true,    // falls back to the loaded labels when Query.search is not served
    sourcesByUrl: new Map(), // url -> { title, publisher, published }, from every Source the page has read
    loadSeq: 0,
    startedAt: performance.now()
  };

  const $ = (selector) => document.querySelector(selector);

  /** "1 organisation", "2 organisations". */
  function plural(n, one, many) {
    return `${Number(n).toLocaleString('en')} ${n === 1 ? one : many}`;
  }

  /** Builds an element; children are nodes or text (never parsed as HTML: the data may hold anything). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else if (key === 'class') el.className = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  /** POSTs one operation to /graphql; rejects with the first error's message when the answer has errors. */
  async function gql(query, variables, timing) {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables: variables || {} })
    });
    if (timing) performance.mark(timing + ':response');
    let body = {};
    try { body = await response.json(); } catch (e) { /* not JSON: reported below */ }
    if (timing) performance.mark(timing + ':parsed');
    if (!response.ok || (body.errors && body.errors.length)) {
      const first = body.errors && body.errors[0];
      const error = new Error(first ? first.message : 'HTTP ' + response.status);
      error.code = first && first.extensions ? first.extensions.code : null;
      throw error;
    }
    return body.data;
  }

  // ---------------------------------------------------------------------------------------------- filters

  function readFilters() {
    const form = $('#filters');
    const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
    const year = (id) => {
      const text = $(id).value.trim();
      return text === '' ? null : Number(text);
    };
    const from = year('#year-from');
    const to = year('#year-to');
    const center = $('#center').dataset.id || $('#center').value.trim().toUpperCase();
    const depth = Number($('#depth').value || 2);
    return {
      kinds: checked('kinds'),
      confidence: checked('confidence'),
      years: from === null && to === null ? null : { from, to },
      region: $('#region').value || null,
      mission: $('#mission').value || null,
      center: center || null,
      depth,
      includeMissions: $('#include-missions').checked
    };
  }

  /** The export endpoints take the same filters as query parameters. */
  function exportQuery(f) {
    const p = new URLSearchParams();
    if (f.kinds.length !== 2) p.set('kinds', f.kinds.join(','));
    if (f.years) p.set('years', (f.years.from ?? '') + '-' + (f.years.to ?? ''));
    if (f.confidence.length !== 4) p.set('confidence', f.confidence.join(','));
    if (f.region) p.set('region', f.region);
    if (f.mission) p.set('mission', f.mission);
    if (f.center) { p.set('center', f.center); p.set('depth', String(f.depth)); }
    if (f.includeMissions) p.set('includeMissions', 'true');
    const text = p.toString();
    return text ? '?' + text : '';
  }

  function validateFilters(f) {
    if (f.years) {
      for (const [name, value] of Object.entries(f.years)) {
        if (value !== null && (!Number.isInteger(value) || value < 1945 || value > 2100)) {
          return `Year "${name}" must be a year between 1945 and 2100.`;
        }
      }
      if (f.years.from !== null && f.years.to !== null && f.years.from > f.years.to) {
        return 'The first year is after the last one.';
      }
    }
    if (!Number.isInteger(f.depth) || f.depth < 1 || f.depth > 6) return 'Hops must be between 1 and 6.';
    return null;
  }

  // ---------------------------------------------------------------------------------------------- graph

  function nodeSize(node) {
    if (node.kind === 'ORGANIZATION') return 38;
    if (node.kind === 'MISSION') return 26;
    if (node.personnel === null || node.personnel === undefined) return 14;
    return 14 + Math.sqrt(node.personnel) * 0.6;
  }

  function elementsOf(network) {
    const nodes = network.nodes.map((n) => ({
      group: 'nodes',
      data: {
        id: n.id, label: n.kind === 'COUNTRY' ? n.id : n.label, name: n.label, kind: n.kind,
        region: n.region || '', colour: REGION_COLOURS[n.region] || '#999999', size: nodeSize(n),
        confidence: n.confidence
      }
    }));
    const edges = [];
    // A country serves in a mission year after year: one line per country and mission, the years in its data.
    const served = new Map();
    for (const e of network.edges) {
      if (e.kind === 'CONTRIBUTION') {
        const key = e.source + '>' + e.target;
        const entry = served.get(key) || { source: e.source, target: e.target, years: [], confidence: new Set() };
        entry.years.push(e.year);
        entry.confidence.add(e.confidence);
        served.set(key, entry);
      } else {
        edges.push({
          group: 'edges',
          data: { id: e.id, source: e.source, target: e.target, kind: e.kind, confidence: e.confidence, year: e.year }
        });
      }
    }
    for (const [key, s] of served) {
      edges.push({
        group: 'edges',
        data: {
          id: 'serves:' + key, source: s.source, target: s.target, kind: 'CONTRIBUTION',
          confidence: s.confidence.size === 1 ? [...s.confidence][0] : 'ESTIMATE', year: Math.max(...s.years)
        }
      });
    }
    return nodes.concat(edges);
  }

  /** Labels smaller than this on screen are not drawn (4.6 px on a phone said nothing); zooming in shows them. */
  const MIN_LABEL_PX = 11;
  /** A tap this close to a node's centre (screen pixels) reaches it, however small it is drawn. */
  const TAP_RADIUS_PX = 12;

  const STYLE = [
    { selector: 'node', style: {
      'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', label: 'data(label)',
      'font-size': 9, 'text-valign': 'bottom', 'text-margin-y': 2, color: '#222', 'min-zoomed-font-size': MIN_LABEL_PX,
      'text-outline-color': '#fff', 'text-outline-width': 2, 'border-width': 1, 'border-color': '#fff'
    } },
    { selector: 'node[kind = "ORGANIZATION"]', style: {
      shape: 'round-rectangle', 'background-color': '#333333', 'font-weight': 'bold', label: 'data(id)'
    } },
    { selector: 'node[kind = "MISSION"]', style: {
      shape: 'hexagon', 'background-color': '#c9c9c9', 'border-color': '#888', color: '#555'
    } },
    // a region's box in "Grouped by region": labelled above, never a target (a tap goes to what is under it)
    { selector: 'node.group', style: {
      shape: 'round-rectangle', 'background-color': '#f3f3f5', 'background-opacity': 1, 'border-width': 1,
      'border-color': '#c8c8cc', label: 'data(label)', 'text-valign': 'top', 'text-halign': 'center',
      'font-size': 18, 'font-weight': 'bold', color: '#333', 'text-margin-y': -4, padding: 14, events: 'no',
      'min-zoomed-font-size': 0
    } },
    { selector: 'node.isolated', style: { 'border-width': 4, 'border-color': '#d00000' } },
    { selector: 'node:selected', style: {
      'border-width': 5, 'border-color': '#111', 'underlay-color': '#ffbf47', 'underlay-opacity': 0.6,
      'underlay-padding': 5
    } },
    { selector: 'node.faded', style: { opacity: 0.25 } },
    { selector: 'edge', style: {
      width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8,
      'line-color': '#3b4cc0', 'target-arrow-color': '#3b4cc0', opacity: 0.8
    } },
    { selector: 'edge[kind = "DONATION"]', style: {
      'line-color': '#D55E00', 'target-arrow-color': '#D55E00', 'line-style': 'dashed', width: 2.5
    } },
    { selector: 'edge[kind = "CONTRIBUTION"]', style: {
      'curve-style': 'haystack', 'line-color': '#aaaaaa', width: 1, opacity: 0.5, 'target-arrow-shape': 'none'
    } },
    { selector: 'edge[confidence = "ILLUSTRATIVE"]', style: { 'line-style': 'dotted', opacity: 0.45 } },
    { selector: 'edge.faded', style: { opacity: 0.08 } },
    { selector: 'edge:selected', style: { width: 4, opacity: 1 } }
  ];

  function layoutOptions(name) {
    const cy = state.cy;
    if (name === 'concentric') {
      const scores = state.centrality;
      return {
        name: 'concentric', animate: false, minNodeSpacing: 4, fit: true, padding: 20,
        concentric: (n) => scores && scores.has(n.id()) ? scores.get(n.id()) : n.degree(false),
        // three rings: six spread the view so wide that it opened at a third of its size
        levelWidth: (nodes) => {
          const values = nodes.map((n) => (scores && scores.has(n.id()) ? scores.get(n.id()) : n.degree(false)));
          return Math.max((Math.max(...values) - Math.min(...values)) / 3, Number.EPSILON);
        }
      };
    }
    if (name === 'region') {
      return { name: 'preset', animate: false, fit: true, padding: 30, positions: regionPositions(cy) };
    }
    if (state.positions && !state.clusters) {
      // "Force-directed" as the server laid it out (Query.network's x and y): the browser's own force layout took
      // most of the page's load, about 1.5 s for the bundled seed's 124 actors on a busy 2-core machine
      return { name: 'preset', animate: false, fit: true, padding: 20, positions: (n) => state.positions.get(n.id()) };
    }
    return {
      name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70,
      numIter: 1000, componentSpacing: 60, nodeOverlap: 8, padding: 20
    };
  }

  function groupOf(node) {
    const kind = node.data('kind');
    return kind === 'COUNTRY' ? (node.data('region') || 'Other') : (kind === 'MISSION' ? 'Missions' : 'Organisations');
  }

  /** The actors on the map, without the region boxes of "Grouped by region". */
  function actorNodes() {
    return state.cy.nodes().not('.group');
  }

  /**
   * Groups (each region, then organisations, then missions) as grids of cells as wide as their largest node and
   * its label, so that no node lies on another (a spiral of fixed step piled 46 of 57 on top of each other); the
   * groups are laid in rows, each under its label.
   */
  function regionPositions(cy) {
    const groups = new Map();
    cy.nodes().not('.group').forEach((n) => {
      const key = groupOf(n);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(n);
    });
    const order = [...REGIONS, 'Other', 'Organisations', 'Missions'].filter((g) => groups.has(g));
    const boxes = order.map((group) => {
      const members = groups.get(group).sort((a, b) => b.data('size') - a.data('size') || a.id().localeCompare(b.id()));
      const cell = Math.max(...members.map((n) => n.data('size'))) + 30;
      const columns = Math.ceil(Math.sqrt(members.length));
      return { members, cell, columns, width: columns * cell, height: Math.ceil(members.length / columns) * cell };
    });
    const totalArea = boxes.reduce((sum, b) => sum + (b.width + 80) * (b.height + 80), 0);
    const rowWidth = Math.max(Math.sqrt(totalArea) * 1.5, ...boxes.map((b) => b.width));
    const positions = {};
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    boxes.forEach((box) => {
      if (x > 0 && x + box.width > rowWidth) { x = 0; y += rowHeight + 80; rowHeight = 0; }
      box.members.forEach((n, j) => {
        positions[n.id()] = { x: x + (j % box.columns + 0.5) * box.cell, y: y + (Math.floor(j / box.columns) + 0.5) * box.cell };
      });
      x += box.width + 80;
      rowHeight = Math.max(rowHeight, box.height);
    });
    return (node) => positions[node.id()];
  }

  /** Puts each actor in a labelled box of its region (or organisations, missions), or takes the boxes away. */
  function setGroups(on) {
    const cy = state.cy;
    cy.batch(() => {
      cy.nodes().filter((n) => n.isChild()).move({ parent: null });
      cy.nodes('.group').remove();
      if (!on) return;
      const keys = new Set(actorNodes().map(groupOf));
      keys.forEach((key) => cy.add({ group: 'nodes', data: { id: 'group:' + key, label: key }, classes: 'group' }));
      actorNodes().forEach((n) => { n.move({ parent: 'group:' + groupOf(n) }); });
    });
  }

  function runLayout() {
    if (!state.cy || actorNodes().length === 0) return;
    const name = clusteredLayout($('#layout').value);
    setGroups(name === 'region');
    const options = layoutOptions(name);
    if (name === 'region') actorNodes().layout(options).run();
    else state.cy.layout(options).run();
    state.layoutRun = options.name;
    $('#cy').dataset.layout = options.name;
    state.cy.fit(undefined, name === 'region' ? 30 : 20);
    fitLabels();
    if (state.selected && !state.cy.getElementById(state.selected).empty()) state.cy.getElementById(state.selected).select();
  }

  /**
   * Labels MIN_LABEL_PX high on screen at the zoom the view opens with; where that would make them larger than
   * the nodes can hold (a phone's small zoom), they stay hidden until the user zooms in.
   */
  function fitLabels() {
    const size = Math.min(Math.max(MIN_LABEL_PX / state.cy.zoom(), 9), 16);
    actorNodes().style('font-size', size);
  }

  /** The node a tap on the background was meant for: the nearest within TAP_RADIUS_PX of its centre. */
  function nodeNear(point) {
    let best = null;
    let bestDistance = Infinity;
    actorNodes().forEach((n) => {
      const at = n.renderedPosition();
      const distance = Math.hypot(at.x - point.x, at.y - point.y);
      if (distance <= Math.max(TAP_RADIUS_PX, n.renderedWidth() / 2) && distance < bestDistance) {
        best = n;
        bestDistance = distance;
      }
    });
    return best;
  }

  function draw(network) {
    performance.mark('network:draw');
    const elements = viewElements(network);
    performance.mark('network:elements');
    if (!state.cy) {
      state.cy = cytoscape({
        container: $('#cy'), elements, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 4,
        selectionType: 'single', boxSelectionEnabled: false
      });
      state.cy.on('tap', 'node', (event) => tapNode(event.target));
      state.cy.on('tap', (event) => {
        // A line runs out from the centre of every node it joins, so a tap beside a small node often lands on one
        // of its lines: that tap is meant for the node too.
        const onLine = event.target !== state.cy && event.target.isEdge();
        if (event.target !== state.cy && !onLine) return;
        const near = nodeNear(event.renderedPosition);
        // Cytoscape ends a tap beside every node by unselecting all, after this handler: choose the node after that
        if (near) setTimeout(() => tapNode(near), 0);
        else if (!onLine) clearFocus();
      });
      window.explorer.cy = state.cy;
    } else {
      state.cy.batch(() => {
        state.cy.elements().remove();
        state.cy.add(elements);
      });
    }
    applyIsolatedClass();
    performance.mark('network:added');
    runLayout();
    performance.mark('network:laidOut');
  }

  // ---------------------------------------------------------------------------------------------- large views

  /**
   * The most actors the map lays out one by one. The force-directed layout costs the square of the nodes: in
   * headless Chromium on a loaded 2-core machine, 60 nodes took 1.1 s, 150 took 2.1 s, 300 took 7.2 s and 600 took
   * 29 s, the tab frozen all along. A view with more (or with more lines than MAX_DRAWN_EDGES) is drawn as one
   * circle per region, organisations and missions, with the counts, and a prompt to open a group or narrow the
   * filters. The whole bundled seed over every year stays under it and is drawn node by node.
   */
  const MAX_DRAWN_NODES = 250;
  const MAX_DRAWN_EDGES = 2000;
  const CLUSTER_PREFIX = 'cluster:';

  /** The group a node of the network's answer falls in when the view is too large: its region, else its kind. */
  function clusterOf(node) {
    if (node.kind === 'COUNTRY') return node.region || 'Other';
    return node.kind === 'MISSION' ? 'Missions' : 'Organisations';
  }

  /**
   * What the map draws: every node and line when they fit, else one circle per group except the groups opened,
   * whose actors are drawn one by one; the lines between groups are summed (their count is the label).
   */
  function viewElements(network) {
    const all = elementsOf(network);
    const nodes = all.filter((e) => e.group === 'nodes');
    const edges = all.filter((e) => e.group === 'edges');
    if (nodes.length <= MAX_DRAWN_NODES && edges.length <= MAX_DRAWN_EDGES) {
      state.clusters = null;
      showViewSize(null);
      return all;
    }
    if (!state.clusters || state.clusters.network !== network) {
      const members = new Map();
      network.nodes.forEach((n) => {
        const key = clusterOf(n);
        if (!members.has(key)) members.set(key, []);
        members.get(key).push(n.id);
      });
      const groupOfId = new Map();
      members.forEach((ids, key) => ids.forEach((id) => groupOfId.set(id, key)));
      state.clusters = { network, nodes: nodes.length, edges: edges.length, members, groupOfId, open: new Set(),
        refused: null };
    }
    const c = state.clusters;
    const drawnId = (id) => (c.open.has(c.groupOfId.get(id)) ? id : CLUSTER_PREFIX + c.groupOfId.get(id));
    const out = [];
    const order = [...REGIONS, 'Other', 'Organisations', 'Missions'].filter((k) => c.members.has(k));
    const within = new Map();
    const between = new Map();
    for (const e of edges) {
      const source = drawnId(e.data.source);
      const target = drawnId(e.data.target);
      if (!source.startsWith(CLUSTER_PREFIX) && !target.startsWith(CLUSTER_PREFIX)) {
        out.push(e);
      } else if (source === target) {
        within.set(source, (within.get(source) || 0) + 1);
      } else {
        const key = source + '>' + target;
        between.set(key, { source, target, count: ((between.get(key) || {}).count || 0) + 1 });
      }
    }
    order.forEach((key) => {
      const ids = c.members.get(key);
      if (c.open.has(key)) {
        const open = new Set(ids);
        nodes.filter((n) => open.has(n.data.id)).forEach((n) => out.push(n));
        return;
      }
      const id = CLUSTER_PREFIX + key;
      const lines = within.get(id) || 0;
      out.push({ group: 'nodes', classes: 'cluster', data: {
        id, kind: 'CLUSTER', cluster: key, count: ids.length, region: REGIONS.includes(key) ? key : '',
        colour: REGION_COLOURS[key] || (key === 'Missions' ? '#c9c9c9' : '#333333'),
        size: Math.min(40 + Math.sqrt(ids.length) * 4, 140),
        label: `${key}: ${plural(ids.length, 'actor', 'actors')}` + (lines ? `, ${plural(lines, 'line', 'lines')} within` : '')
      } });
    });
    between.forEach((b, key) => out.push({ group: 'edges', classes: 'cluster-link', data: {
      id: 'links:' + key, source: b.source, target: b.target, kind: 'LINKS', count: b.count,
      width: Math.min(1 + Math.log2(b.count), 12), label: b.count.toLocaleString('en')
    } }));
    showViewSize(c);
    return out;
  }

  // a group's circle and the summed lines between groups, drawn over the actors' own style
  STYLE.push(
    { selector: 'node.cluster', style: {
      label: 'data(label)', 'font-size': 14, 'font-weight': 'bold', 'min-zoomed-font-size': 0, 'text-wrap': 'wrap',
      'text-max-width': 160, 'border-width': 2, 'border-color': '#ffffff', 'background-opacity': 0.85
    } },
    { selector: 'edge.cluster-link', style: {
      width: 'data(width)', 'line-color': '#7a7f8c', 'target-arrow-color': '#7a7f8c', 'line-style': 'solid',
      label: 'data(label)', 'font-size': 11, 'text-background-color': '#ffffff', 'text-background-opacity': 0.9,
      'text-background-padding': 2, 'curve-style': 'bezier', opacity: 0.7
    } });

  /** How many nodes and lines the map would draw for a group opened now. */
  function drawnIfOpened(key) {
    const c = state.clusters;
    const open = new Set([...c.open, key]);
    let nodes = 0;
    c.members.forEach((ids, k) => { nodes += open.has(k) ? ids.length : 1; });
    return nodes;
  }

  /** Opens a group when what the map would then draw stays within MAX_DRAWN_NODES; otherwise says why not. */
  function openCluster(key) {
    const c = state.clusters;
    if (!c) return;
    if (drawnIfOpened(key) > MAX_DRAWN_NODES) {
      c.refused = key;
      showViewSize(c);
      return;
    }
    c.open.add(key);
    c.refused = null;
    redrawClusters();
  }

  function closeCluster(key) {
    const c = state.clusters;
    if (!c) return;
    c.open.delete(key);
    c.refused = null;
    redrawClusters();
  }

  function redrawClusters() {
    draw(state.network);
    const cyEl = $('#cy');
    cyEl.dataset.nodes = String(actorNodes().length);
    updatePngButton();
  }

  /** A tap on a group opens it; a tap on an actor selects it. */
  function tapNode(node) {
    if (node.hasClass('cluster')) openCluster(node.data('cluster'));
    else selectActor(node.id(), { fromGraph: true });
  }

  /** Groups are laid out by force (a region's box would hold one circle); the actors of an opened group too. */
  function clusteredLayout(name) {
    return state.clusters && name === 'region' ? 'cose' : name;
  }

  /**
   * The prompt over a grouped view: what the view holds, what the map draws instead, and a button per group that
   * opens it (or groups it again), so that the keyboard reaches them too.
   */
  function showViewSize(c) {
    const box = $('#view-size');
    const cyEl = $('#cy');
    if (!c) {
      box.hidden = true;
      box.replaceChildren();
      delete cyEl.dataset.clustered;
      return;
    }
    cyEl.dataset.clustered = 'true';
    cyEl.dataset.viewNodes = String(c.nodes);
    cyEl.dataset.viewEdges = String(c.edges);
    const order = [...REGIONS, 'Other', 'Organisations', 'Missions'].filter((k) => c.members.has(k));
    const buttons = order.map((key) => {
      const n = c.members.get(key).length;
      return c.open.has(key)
        ? h('button', { type: 'button', 'data-cluster': key, onclick: () => closeCluster(key) }, `Group ${key} again`)
        : h('button', { type: 'button', 'data-cluster': key, onclick: () => openCluster(key) },
          `Open ${key} (${n.toLocaleString('en')})`);
    });
    const refused = c.refused
      ? h('p', { id: 'view-size-refused', class: 'error' },
        `${c.refused} holds ${plural(c.members.get(c.refused).length, 'actor', 'actors')}: opened, the map would draw `
        + `${drawnIfOpened(c.refused).toLocaleString('en')} nodes, more than ${MAX_DRAWN_NODES}. Narrow the filters`
        + (REGIONS.includes(c.refused) ? ` (choose ${c.refused} under Region, fewer years, one kind, or an actor).`
          : ' (fewer years, one kind, a confidence, or an actor).'))
      : null;
    box.replaceChildren(
      h('p', { id: 'view-size-text' }, `This view holds ${plural(c.nodes, 'actor', 'actors')} and `
        + `${plural(c.edges, 'line', 'lines')}: more than the map draws one by one (${MAX_DRAWN_NODES} actors, `
        + `${MAX_DRAWN_EDGES.toLocaleString('en')} lines). They are grouped by region; open a group, or narrow the `
        + 'filters: years, region, kind, confidence, or around an actor.'),
      h('p', { class: 'view-size-groups' }, buttons), refused);
    box.hidden = false;
  }

  async function loadNetwork() {
    if (!(await resolveCenter())) return;
    const filters = readFilters();
    const problem = validateFilters(filters);
    const errorBox = $('#filter-error');
    if (problem) {
      errorBox.textContent = problem;
      errorBox.hidden = false;
      return;
    }
    errorBox.hidden = true;
    const seq = ++state.loadSeq;
    document.body.dataset.state = 'loading';
    $('#status').textContent = 'Loading the network…';
    performance.mark('network:request');
    let data;
    try {
      data = await gql(NETWORK_QUERY, {
        kinds: filters.kinds, years: filters.years, confidence: filters.confidence, region: filters.region,
        mission: filters.mission, center: filters.center, depth: filters.depth,
        includeMissions: filters.includeMissions
      }, 'network');
    } catch (e) {
      if (seq !== state.loadSeq) return;
      errorBox.textContent = e.message;
      errorBox.hidden = false;
      $('#status').textContent = 'The network could not be loaded: ' + e.message;
      document.body.dataset.state = 'error';
      return;
    }
    if (seq !== state.loadSeq) return; // a newer request is on its way
    const network = data.network;
    state.network = network;
    const placed = network.nodes.length > 0 && network.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y));
    state.positions = placed ? new Map(network.nodes.map((n) => [n.id, { x: n.x, y: n.y }])) : null;
    state.nodesById = new Map(network.nodes.map((n) => [n.id, n]));
    draw(network);
    updateExports(filters);
    updatePngButton();
    updateActorList(network);
    updateStatus(network);
    chartYears(network);
    afterFiltersChanged();
    document.body.dataset.state = 'ready';
    const cyEl = $('#cy');
    cyEl.dataset.nodes = String(actorNodes().length);
    cyEl.dataset.edges = String(network.edges.length);
    if (window.explorer.readyMs === null) window.explorer.readyMs = Math.round(performance.now());
    if (state.selected && state.nodesById.has(state.selected)) state.cy.getElementById(state.selected).select();
    measureLoad();
  }

  /**
   * Where a load of the network spent its time, as performance measures (performance.getEntriesByType('measure')),
   * so that a benchmark or the browser's tools can read the split: "network fetch" (request sent to the answer's
   * headers: the server and the wire), "network json" (reading and parsing the body), "network elements" (the
   * answer turned into the map's nodes and lines, grouped when too large), "network add" (handing them to
   * Cytoscape), "network layout" (positions and the fit), "network panels" (status, exports, lists, charts) and
   * "network paint" (ready until the next frame is drawn). "page scripts" is navigation until the page's script
   * starts. Each load adds its own entries; the first of a name is the page's first load.
   */
  function measureLoad() {
    const measure = (name, from, to) => {
      try { performance.measure(name, from, to); } catch (e) { /* a mark is missing: an error load */ }
    };
    measure('network fetch', 'network:request', 'network:response');
    measure('network json', 'network:response', 'network:parsed');
    measure('network elements', 'network:draw', 'network:elements');
    measure('network add', 'network:elements', 'network:added');
    measure('network layout', 'network:added', 'network:laidOut');
    performance.mark('network:ready');
    measure('network panels', 'network:laidOut', 'network:ready');
    // two frames: the first callback runs before the frame that shows the map is painted, the second after it
    requestAnimationFrame(() => requestAnimationFrame(() => {
      performance.mark('network:painted');
      measure('network paint', 'network:ready', 'network:painted');
    }));
  }

  function updateStatus(network) {
    const counts = { COUNTRY: 0, ORGANIZATION: 0, MISSION: 0 };
    network.nodes.forEach((n) => { counts[n.kind] += 1; });
    const partnerships = network.edges.filter((e) => e.kind !== 'CONTRIBUTION').length;
    const contributions = network.edges.length - partnerships;
    let text = `${plural(counts.COUNTRY, 'country', 'countries')}, `
      + `${plural(counts.ORGANIZATION, 'organisation', 'organisations')}, `
      + plural(partnerships, 'partnership', 'partnerships');
    if (counts.MISSION) {
      text += `, ${plural(counts.MISSION, 'mission', 'missions')} `
        + `(${plural(contributions, 'yearly contribution', 'yearly contributions')})`;
    }
    if (network.nodes.length === 0) text = 'Nothing matches these filters.';
    $('#status').textContent = text;
  }

  function updateExports(filters) {
    const q = exportQuery(filters);
    $('#export-graphml').href = '/export/network.graphml' + q;
    $('#export-nodes').href = '/export/network.nodes.csv' + q;
    $('#export-edges').href = '/export/network.edges.csv' + q;
    $('#export-json').href = '/export/network.json' + q;
  }

  function updateActorList(network) {
    const list = $('#actor-list');
    const actors = network.nodes.filter((n) => n.kind !== 'MISSION').sort((a, b) => a.label.localeCompare(b.label));
    $('#actor-count').textContent = String(actors.length);
    list.replaceChildren(...actors.map((n) => h('li', {},
      h('button', { type: 'button', class: 'linkish', onclick: () => selectActor(n.id) }, n.label))));
  }

  /** The view's name in a file name, as the server names the exports: its narrowing filters, else "all". */
  function viewName(f) {
    const parts = [];
    if (f.center) parts.push('around-' + f.center);
    if (f.region) parts.push(f.region);
    if (f.mission) parts.push(f.mission);
    if (f.years) {
      const { from, to } = f.years;
      parts.push(from === null ? 'to-' + to : to === null ? 'from-' + from : from === to ? String(from) : from + '-' + to);
    }
    if (f.kinds.length < 2) parts.push(f.kinds.length ? f.kinds.join('-') : 'no-partnerships');
    if (f.confidence.length < 4) parts.push(f.confidence.join('-'));
    if (f.includeMissions) parts.push('with-missions');
    const view = parts.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return view || 'all';
  }

  function fileName(extension) {
    return `partnerships-${viewName(readFilters())}-${new Date().toISOString().slice(0, 10)}${extension}`;
  }

  /** An empty view made a 0-byte PNG: the button is off, and says why. */
  function updatePngButton() {
    const empty = !state.cy || actorNodes().empty();
    const button = $('#export-png');
    button.disabled = empty;
    $('#export-note').hidden = !empty;
  }

  /** The legend drawn under the network in a PNG, from what the view holds. */
  function legendItems() {
    const nodes = actorNodes();
    const items = [];
    REGIONS.filter((r) => nodes.some((n) => n.data('region') === r))
      .forEach((r) => items.push({ dot: REGION_COLOURS[r], text: r }));
    if (nodes.some((n) => n.data('kind') === 'ORGANIZATION')) items.push({ square: '#333333', text: 'Organisation' });
    if (nodes.some((n) => n.data('kind') === 'MISSION')) items.push({ square: '#c9c9c9', text: 'Mission' });
    const edges = state.cy.edges();
    if (edges.some((e) => e.data('kind') === 'TRAINING')) items.push({ line: '#3b4cc0', text: 'Training' });
    if (edges.some((e) => e.data('kind') === 'DONATION')) items.push({ line: '#D55E00', dash: [8, 5], text: 'Donation' });
    if (edges.some((e) => e.data('kind') === 'CONTRIBUTION')) items.push({ line: '#aaaaaa', text: 'Serves in' });
    if (edges.some((e) => e.data('confidence') === 'ILLUSTRATIVE')) items.push({ line: '#777777', dash: [2, 4], text: 'Illustrative (no source)' });
    if (nodes.some((n) => n.hasClass('isolated'))) items.push({ ring: '#d00000', text: 'Isolated contributor' });
    items.push({ text: 'Size: personnel deployed' });
    return items;
  }

  /** The view as a PNG with a legend and a caption (what it shows, the date) under it. */
  async function pngBlob() {
    const graph = new Image();
    graph.src = state.cy.png({ output: 'base64uri', full: true, scale: 2, bg: '#ffffff' });
    await graph.decode();
    const items = legendItems();
    const scale = 2;
    const font = `${13 * scale}px system-ui, sans-serif`;
    const measure = document.createElement('canvas').getContext('2d');
    measure.font = font;
    const widths = items.map((i) => (i.text ? measure.measureText(i.text).width : 0) + 40 * scale);
    const width = Math.max(graph.width, 600 * scale);
    // legend entries flow in rows across the width
    const rows = [[]];
    let used = 0;
    items.forEach((item, i) => {
      if (used + widths[i] > width - 20 * scale && rows[rows.length - 1].length) { rows.push([]); used = 0; }
      rows[rows.length - 1].push({ item, width: widths[i] });
      used += widths[i];
    });
    const line = 22 * scale;
    const legendHeight = (rows.length + 1) * line + 12 * scale;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = graph.height + legendHeight;
    const g = canvas.getContext('2d');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(graph, Math.round((width - graph.width) / 2), 0);
    g.font = font;
    g.textBaseline = 'middle';
    let y = graph.height + line / 2 + 6 * scale;
    rows.forEach((row) => {
      let x = 10 * scale;
      row.forEach(({ item, width: w }) => {
        const cx = x + 9 * scale;
        g.setLineDash([]);
        if (item.dot) { g.fillStyle = item.dot; g.beginPath(); g.arc(cx, y, 6 * scale, 0, 2 * Math.PI); g.fill(); }
        if (item.square) { g.fillStyle = item.square; g.fillRect(cx - 6 * scale, y - 6 * scale, 12 * scale, 12 * scale); }
        if (item.ring) { g.strokeStyle = item.ring; g.lineWidth = 3 * scale; g.beginPath(); g.arc(cx, y, 5 * scale, 0, 2 * Math.PI); g.stroke(); }
        if (item.line) {
          g.strokeStyle = item.line; g.lineWidth = 2.5 * scale; g.setLineDash((item.dash || []).map((d) => d * scale));
          g.beginPath(); g.moveTo(x, y); g.lineTo(x + 22 * scale, y); g.stroke();
        }
        g.fillStyle = '#1d1d1f';
        g.fillText(item.text, x + ((item.dot || item.square || item.ring || item.line) ? 28 * scale : 0), y);
        x += w;
      });
      y += line;
    });
    g.fillStyle = '#5f6368';
    g.fillText(`Partnership Explorer: ${$('#status').textContent} (${viewName(readFilters())}, ${new Date().toISOString().slice(0, 10)})`, 10 * scale, y);
    return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  }

  async function exportPng() {
    if (!state.cy || actorNodes().empty()) return;
    const blob = await pngBlob();
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: fileName('.png') });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  }

  function clearFocus() {
    if (!state.cy) return;
    state.cy.elements().removeClass('faded');
  }

  /** Nothing highlighted: the panel shows something that is not on the map (or nothing). */
  function clearSelection() {
    if (!state.cy) return;
    state.cy.elements().unselect();
    clearFocus();
  }

  /**
   * Shows the panel's new content from its title: on a phone it slides up as a drawer over the lower half of the
   * map (it was 800 px below the tap, out of sight); chosen from a list, the page scrolls to its title.
   */
  function openPanel(options) {
    const panel = $('#panel');
    panel.scrollTop = 0;
    if (window.matchMedia('(max-width: 820px)').matches) {
      panel.classList.add('drawer');
      panel.prepend(h('button', { type: 'button', class: 'drawer-close', 'aria-label': 'Close the panel',
        onclick: () => { panel.classList.remove('drawer'); panel.querySelector('.drawer-close').remove(); } }, '×'));
    }
    if (!(options && options.fromGraph)) {
      panel.focus({ preventScroll: true });
      const title = panel.querySelector('h2');
      // the panel sticks to the top of the map's row, so one scroll can move it: look again after each
      const reveal = (tries) => {
        const box = title.getBoundingClientRect();
        if (box.top >= 0 && box.bottom <= window.innerHeight) return;
        window.scrollBy(0, box.top - 12);
        if (tries > 0) requestAnimationFrame(() => reveal(tries - 1));
      };
      if (title) reveal(3);
    }
  }

  /** Fades everything but the actor and its neighbours, so its partners stand out. */
  function focusNeighbourhood(id) {
    const cy = state.cy;
    const node = cy.getElementById(id);
    if (node.empty()) { clearSelection(); return; } // in a group not opened: nothing stays highlighted
    const hood = node.closedNeighborhood();
    cy.elements().addClass('faded');
    hood.removeClass('faded');
    cy.elements().unselect();
    node.select();
    cy.animate({ center: { eles: node }, duration: 200 });
  }

  // ---------------------------------------------------------------------------------------------- sources

  const URL_IN_TEXT = /https?:\/\/[^\s<>"]+[^\s<>"),.;:'!?]/g;
  const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\])$/i;

  /**
   * A source is a URL, several separated by " ; ", or a citation that may hold URLs: each on a line of its own,
   * shown whole (a cut citation lost its link), every URL in it a link.
   */
  function sourceLinks(source) {
    if (!source) return h('span', { class: 'src muted' }, 'no source');
    return h('ul', { class: 'src-list' }, source.split(/\s+;\s+/).map((part) => h('li', { class: 'src' }, citation(part))));
  }

  /** The text of one citation with each URL in it made a link. */
  function citation(text) {
    const out = [];
    let last = 0;
    for (const match of text.matchAll(URL_IN_TEXT)) {
      if (match.index > last) out.push(text.slice(last, match.index));
      out.push(sourceLink(match[0]));
      last = match.index + match[0].length;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }

  function sourceLink(url) {
    return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'src-link', 'data-url': url },
      linkText(url));
  }

  /**
   * What a link says: the page's title once a Source describing it has been read, else the address without its
   * scheme; a bare IP address says nothing to a reader, so such a page is named by the words of its path.
   */
  function linkText(url) {
    const known = state.sourcesByUrl.get(url);
    if (known) {
      const about = [known.publisher, known.published].filter(Boolean).join(', ');
      return known.title + (about ? ` (${about})` : '');
    }
    try {
      const parsed = new URL(url);
      if (IP_HOST.test(parsed.hostname)) {
        const segment = parsed.pathname.split('/').filter(Boolean).pop();
        if (segment) {
          const words = decodeURIComponent(segment).replace(/\.\w+$/, '').replace(/[-_+]+/g, ' ').trim();
          return words.charAt(0).toUpperCase() + words.slice(1) + ' (page without a site name)';
        }
        return 'a page without a site name';
      }
    } catch (e) { /* not a URL the browser can parse: shown as it is */ }
    return url.replace(/^https?:\/\//, '');
  }

  /** Remembers what each Source says about its page, and renames the links to it already shown. */
  function learnSources(sources) {
    let learnt = false;
    for (const source of sources) {
      if (source.url && !state.sourcesByUrl.has(source.url)) {
        state.sourcesByUrl.set(source.url, { title: source.title, publisher: source.publisher, published: source.published });
        learnt = true;
      }
    }
    if (learnt) {
      document.querySelectorAll('a.src-link[data-url]').forEach((a) => { a.textContent = linkText(a.dataset.url); });
    }
  }

  /** One cited source on a line of its own: its title as a link, then who published it and when. */
  function sourceEntry(source, count) {
    const title = source.url
      ? h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, source.title)
      : h('span', {}, source.title);
    const about = [source.publisher, source.published].filter(Boolean).join(', ');
    return h('li', { class: 'source-entry' }, title, about ? ` (${about})` : '',
      count ? h('span', { class: 'muted' }, ` supports ${count} of these partnerships`) : '');
  }

  function confidenceBadge(confidence) {
    const c = String(confidence || '').toLowerCase();
    return h('span', { class: 'conf conf-' + c, title: 'confidence: ' + c }, c);
  }

  // ---------------------------------------------------------------------------------------------- panel

  function section(title, id) {
    return h('section', { id, 'aria-live': 'polite' }, h('h3', {}, title), h('p', { class: 'muted' }, 'Loading…'));
  }

  function fill(sectionEl, ...content) {
    const title = sectionEl.querySelector('h3');
    sectionEl.replaceChildren(title, ...content);
  }

  function notAvailable(sectionEl, error) {
    const reason = error && error.code === 'NOT_FOUND' ? 'Nothing recorded.' : 'Not available on this server yet.';
    fill(sectionEl, h('p', { class: 'muted', title: error ? error.message : '' }, reason));
  }

  function actorName(id) {
    const node = state.nodesById.get(id);
    return node ? node.label : id;
  }

  function actorButton(id, label) {
    return h('button', { type: 'button', class: 'linkish', onclick: () => selectActor(id) }, label || actorName(id));
  }

  function analysisYear() {
    if (state.analysisReady) return Number($('#analysis-year').value);
    const to = $('#year-to').value.trim();
    if (to !== '') return Number(to);
    const years = (state.network ? state.network.edges : []).map((e) => e.endYear || e.year);
    return years.length ? Math.max(...years) : new Date().getFullYear() - 1;
  }

  async function selectActor(id, options) {
    const opts = options || {};
    state.selected = id;
    const panel = $('#panel');
    const node = state.nodesById.get(id);
    // an actor not on the map leaves nothing highlighted, not the one chosen before
    if (node && state.cy) focusNeighbourhood(id);
    else clearSelection();
    if (node && node.kind === 'MISSION') {
      showMission(id.replace(/^mission:/, ''), opts);
      return;
    }
    const year = analysisYear();
    const head = h('div', { class: 'panel-head' }, h('h2', { id: 'panel-title' }, node ? node.label : id),
      h('p', { class: 'muted' }, 'Loading…'));
    const partners = h('section', { id: 'panel-partners' });
    const contributions = section('Contributions to missions', 'panel-contributions');
    const pledges = section('Pledges and delivery', 'panel-pledges');
    const sources = section('Sources of its partnerships', 'panel-sources');
    const need = section(`Support need in ${year}`, 'panel-support');
    const series = section('Support over time', 'panel-series');
    const suggestions = h('section', { id: 'panel-suggest' });
    panel.replaceChildren(head, partners, sources, contributions, pledges, need, series, suggestions);
    openPanel(opts);

    renderPartners(partners, id);
    loadHead(head, id, node);
    loadSources(sources, id);
    const isCountry = !node || node.kind === 'COUNTRY';
    if (isCountry) {
      loadContributions(contributions, id);
      loadSupportNeed(need, id, year);
      loadSupportSeries(series, id);
      suggestions.append(h('h3', {}, 'Suggested partners'),
        h('button', { type: 'button', id: 'suggest-partners', onclick: () => loadSuggestions(suggestions, id) },
          'Suggest partners'));
    } else {
      contributions.remove();
      need.remove();
      series.remove();
    }
    loadPledges(pledges, id);
  }

  async function loadHead(head, id, node) {
    const query = `query ActorHead($id: ID!) { actor(id: $id) { __typename id name confidence source
      ... on Country { region subregion deployments { asOf total women confidence source } }
      ... on Organization { kind } } }`;
    const title = head.querySelector('h2');
    const actions = h('div', { class: 'panel-actions' },
      h('button', { type: 'button', onclick: () => focusOn(id) }, 'Show its neighbourhood'));
    try {
      const actor = (await gql(query, { id })).actor;
      title.textContent = actor.name;
      const facts = h('dl', { class: 'facts' },
        h('dt', {}, 'Key'), h('dd', {}, actor.id),
        h('dt', {}, 'Kind'), h('dd', {}, actor.__typename === 'Country' ? 'Country' : 'Organisation' +
          (actor.kind ? ' (' + actor.kind.toLowerCase() + ')' : '')),
        actor.region ? [h('dt', {}, 'Region'), h('dd', {}, actor.region + (actor.subregion ? ', ' + actor.subregion : ''))] : null,
        h('dt', {}, 'Record'), h('dd', {}, confidenceBadge(actor.confidence), ' ', sourceLinks(actor.source)));
      const deployment = actor.deployments && actor.deployments[0];
      if (deployment) {
        const women = deployment.women === null ? ''
          : `, ${plural(deployment.women, 'woman', 'women')} (${Math.round(100 * deployment.women / deployment.total)}%)`;
        facts.append(h('dt', {}, 'Personnel'), h('dd', {}, `${deployment.total.toLocaleString('en')} on ${deployment.asOf}${women} `,
          confidenceBadge(deployment.confidence), ' ', sourceLinks(deployment.source)));
      } else if (actor.__typename === 'Country') {
        facts.append(h('dt', {}, 'Personnel'), h('dd', { class: 'muted' }, 'no published UN total'));
      }
      head.replaceChildren(title, facts, actions);
    } catch (e) {
      head.replaceChildren(title, h('p', { class: 'error' }, e.code === 'NOT_FOUND' ? `No actor "${id}".` : e.message));
      return;
    }
    if (!node) head.append(h('p', { class: 'muted' }, 'Not in the current view: its partnerships do not match the filters.'));
  }

  function renderPartners(container, id) {
    const edges = state.network ? state.network.edges.filter((e) => e.kind !== 'CONTRIBUTION') : [];
    const out = edges.filter((e) => e.source === id);
    const incoming = edges.filter((e) => e.target === id);
    const item = (e, other) => h('li', {},
      actorButton(other), ` ${e.kind.toLowerCase()} ${e.year}${e.endYear ? '–' + e.endYear : ''}`,
      e.label ? ` (${e.label.length > 70 ? e.label.slice(0, 68) + '…' : e.label})` : '', ' ',
      confidenceBadge(e.confidence), ' ', sourceLinks(e.sourceRef));
    container.replaceChildren(
      h('p', { id: 'panel-filters', class: 'note' }, filtersSummary(readFilters())),
      h('h3', {}, `Gives to (${out.length})`),
      out.length ? h('ul', {}, out.map((e) => item(e, e.target))) : h('p', { class: 'muted' }, 'No one in this view.'),
      h('h3', {}, `Receives from (${incoming.length})`),
      incoming.length ? h('ul', {}, incoming.map((e) => item(e, e.source))) : h('p', { class: 'muted' }, 'No one in this view.'),
      h('p', { class: 'downloads' }, 'Download its partners under these filters: ',
        h('a', { id: 'download-partners-csv', class: 'button', href: '/export/partners.csv' + partnersQuery(id, readFilters()),
          download: true }, 'CSV')));
  }

  async function loadContributions(sectionEl, id) {
    const query = `query ActorContributions($iso3: ID!) { country(iso3: $iso3) {
      contributions { mission { acronym } year total confidence source } } }`;
    try {
      const rows = (await gql(query, { iso3: id })).country.contributions;
      if (!rows.length) { fill(sectionEl, h('p', { class: 'muted' }, 'None recorded.')); return; }
      const byMission = new Map();
      rows.forEach((c) => {
        const m = byMission.get(c.mission.acronym) || { years: [], latest: null, sources: new Set(), confidence: new Set() };
        m.years.push(c.year);
        if (!m.latest || c.year > m.latest.year) m.latest = c;
        m.sources.add(c.source);
        m.confidence.add(c.confidence);
        byMission.set(c.mission.acronym, m);
      });
      const missions = [...byMission.entries()].sort((a, b) => b[1].latest.year - a[1].latest.year);
      fill(sectionEl, h('ul', {}, missions.map(([acronym, m]) => h('li', {},
        h('strong', {}, acronym), ` ${Math.min(...m.years)}–${Math.max(...m.years)} (${m.years.length} years)`,
        m.latest.total !== null ? `, ${m.latest.total} in ${m.latest.year}` : ', size unknown', ' ',
        [...m.confidence].map(confidenceBadge), ' ', [...m.sources].slice(0, 2).map(sourceLinks)))));
    } catch (e) {
      notAvailable(sectionEl, e);
    }
  }

  /** The pages cited by the actor's trainings and donations, both ways, each once, most cited first. */
  async function loadSources(sectionEl, id) {
    const cited = 'sources { id url title publisher published }';
    const query = `query ActorSources($id: ID!) { actor(id: $id) { trains { ${cited} } trainedBy { ${cited} }
      donatesTo { ${cited} } receivesFrom { ${cited} } } }`;
    try {
      const actor = (await gql(query, { id })).actor;
      const byId = new Map();
      for (const partnership of [...actor.trains, ...actor.trainedBy, ...actor.donatesTo, ...actor.receivesFrom]) {
        for (const source of partnership.sources) {
          const entry = byId.get(source.id) || { source, count: 0 };
          entry.count += 1;
          byId.set(source.id, entry);
        }
      }
      learnSources([...byId.values()].map((e) => e.source));
      const entries = [...byId.values()].sort((a, b) => b.count - a.count || a.source.id.localeCompare(b.source.id));
      if (!entries.length) { fill(sectionEl, h('p', { class: 'muted' }, 'No partnership cites a source by id.')); return; }
      fill(sectionEl, h('ul', { class: 'sources' }, entries.map((e) => sourceEntry(e.source, e.count))));
    } catch (e) {
      notAvailable(sectionEl, e);
    }
  }

  async function loadPledges(sectionEl, id) {
    const query = `query ActorPledges($id: ID!) { actor(id: $id) { pledges {
      id category description quantity unit status deliveredQuantity deliveredYear
      ministerial { id name } confidence source } } }`;
    try {
      const pledges = (await gql(query, { id })).actor.pledges;
      if (!pledges.length) { fill(sectionEl, h('p', { class: 'muted' }, 'No pledges recorded.')); return; }
      fill(sectionEl, h('ul', {}, pledges.map((p) => h('li', {},
        h('strong', {}, p.category.toLowerCase().replace('_', ' ')), ` at ${p.ministerial.name}: `,
        p.description || '', p.quantity !== null ? ` (${p.quantity}${p.unit ? ' ' + p.unit : ''})` : '',
        h('br'), 'Delivery: ', h('em', {}, p.status.toLowerCase().replace('_', ' ')),
        p.deliveredQuantity !== null ? `, ${p.deliveredQuantity} delivered` : '',
        p.deliveredYear !== null ? ` by ${p.deliveredYear}` : '', ' ',
        confidenceBadge(p.confidence), ' ', sourceLinks(p.source)))));
    } catch (e) {
      notAvailable(sectionEl, e);
    }
  }

  async function loadSupportNeed(sectionEl, id, year) {
    const f = readFilters();
    const ticket = nextTicket(sectionEl);
    const query = `query SupportNeed($iso3: ID!, $year: Int!, $kinds: [PartnershipKind!], $confidence: [Confidence!]) {
      country(iso3: $iso3) { supportNeed(year: $year, kinds: $kinds, confidence: $confidence) {
      score reasons { code weight text } personnel personnelAsOf supportReceived providers { id name } } } }`;
    try {
      const need = (await gql(query, { iso3: id, year, kinds: f.kinds, confidence: f.confidence })).country.supportNeed;
      if (ticket !== sectionEl.ticket) return; // the filters changed meanwhile: a newer answer is on its way
      fill(sectionEl, h('p', { id: 'panel-support-filters', class: 'note' }, analysisSummary(year, f)),
        h('p', {}, h('span', { class: 'score' }, need.score.toFixed(2)), ' on a scale from 0 (well supported) to 1 (alone)'),
        // a weight is the points a reason adds to the score (they add up to it), not a share of it
        need.reasons.length ? h('ul', {}, need.reasons.map((r) => h('li', {}, r.text, h('span', { class: 'muted' },
          ` (+${r.weight.toFixed(2)} of the ${need.score.toFixed(2)} points)`)))) : null,
        h('p', { class: 'muted' }, `${plural(need.supportReceived, 'partnership', 'partnerships')} received from `
          + plural(need.providers.length, 'provider', 'providers'),
          need.personnel !== null ? `; ${need.personnel} personnel (${need.personnelAsOf})` : ''));
    } catch (e) {
      if (ticket === sectionEl.ticket) notAvailable(sectionEl, e);
    }
  }

  async function loadSuggestions(container, id) {
    const button = container.querySelector('button');
    if (button) button.disabled = true;
    const query = `query Suggest($iso3: ID!) { suggestPartners(iso3: $iso3, first: 5) {
      provider { id name } score reasons commonNeighbours sameRegion pastDeliveries } }`;
    const out = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Loading…'));
    container.append(out);
    try {
      const suggestions = (await gql(query, { iso3: id })).suggestPartners;
      out.replaceChildren(suggestions.length ? h('ol', {}, suggestions.map((s) => h('li', {},
        actorButton(s.provider.id, s.provider.name), ` score ${s.score.toFixed(2)}`,
        s.reasons.length ? h('ul', {}, s.reasons.map((r) => h('li', { class: 'muted' }, r))) : null)))
        : h('p', { class: 'muted' }, 'No suggestion.'));
    } catch (e) {
      out.replaceChildren(h('p', { class: 'muted', title: e.message }, 'Suggestions are not available on this server yet.'));
    }
    if (button) button.disabled = false;
  }

  /**
   * A mission's panel: what it is, its record and its contributors by name (those in the view when it is drawn,
   * else those of the analysis year), with a button that narrows the map to their partnerships.
   */
  async function showMission(acronym, options) {
    const id = 'mission:' + acronym;
    state.selected = id;
    const panel = $('#panel');
    const title = h('h2', { id: 'panel-title' }, acronym);
    const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
    panel.replaceChildren(title, body, h('div', { class: 'panel-actions' }, h('button', { type: 'button', onclick: () => {
      $('#mission').value = acronym;
      loadNetwork();
    } }, 'Only partnerships of its contributors')));
    openPanel(options);
    const year = analysisYear();
    const query = `query MissionPanel($acronym: ID!, $year: Int!) { mission(acronym: $acronym) { acronym name location
      startYear endYear confidence source hosts { id name } contributors(year: $year) { id name } } }`;
    let mission;
    try {
      mission = (await gql(query, { acronym, year })).mission;
    } catch (e) {
      body.replaceChildren(h('p', { class: 'error' }, e.message));
      return;
    }
    if (state.selected !== id) return; // another choice meanwhile
    if (!mission) { body.replaceChildren(h('p', { class: 'error' }, `No mission "${acronym}".`)); return; }
    title.textContent = `${mission.acronym}: ${mission.name}`;
    const byName = (a, b) => a.name.localeCompare(b.name);
    const inView = state.network.edges.filter((e) => e.target === id && e.kind === 'CONTRIBUTION');
    const contributors = inView.length
      ? [...new Set(inView.map((e) => e.source))].map((c) => ({ id: c, name: actorName(c) })).sort(byName)
      : mission.contributors.slice().sort(byName);
    body.replaceChildren(
      h('dl', { class: 'facts' },
        h('dt', {}, 'Kind'), h('dd', {}, 'Mission'),
        mission.location ? [h('dt', {}, 'Where'), h('dd', {}, mission.location)] : null,
        mission.hosts.length ? [h('dt', {}, 'Hosts'), h('dd', {}, mission.hosts.flatMap((c, i) => [i ? ', ' : '', actorButton(c.id, c.name)]))] : null,
        h('dt', {}, 'Years'), h('dd', {}, `${mission.startYear}–${mission.endYear || 'today'}`),
        h('dt', {}, 'Record'), h('dd', {}, confidenceBadge(mission.confidence), ' ', sourceLinks(mission.source))),
      h('h3', {}, inView.length ? `Contributors in this view (${contributors.length})` : `Contributors in ${year} (${contributors.length})`),
      contributors.length ? h('ul', {}, contributors.map((c) => h('li', {}, actorButton(c.id, c.name))))
        : h('p', { class: 'muted' }, 'None recorded.'));
  }

  /** A programme's panel: who provides it, the partnerships under it and the pages they cite. */
  async function showProgram(code, options) {
    const id = 'program:' + code;
    state.selected = id;
    clearSelection();
    const panel = $('#panel');
    const title = h('h2', { id: 'panel-title' }, code);
    const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
    panel.replaceChildren(title, body);
    openPanel(options);
    const cited = 'sources { id url title publisher published }';
    const query = `query ProgramPanel($code: ID!) { program(code: $code) { code name url confidence source ${cited}
      trainings { trainer { id name } trainee { id name } year endYear topic confidence source ${cited} }
      donations { donor { id name } recipient { id name } item year endYear confidence source ${cited} } } }`;
    let program;
    try {
      program = (await gql(query, { code })).program;
    } catch (e) {
      body.replaceChildren(h('p', { class: 'error' }, e.message));
      return;
    }
    if (state.selected !== id) return;
    if (!program) { body.replaceChildren(h('p', { class: 'error' }, `No programme "${code}".`)); return; }
    title.textContent = program.name;
    const rows = [
      ...program.trainings.map((t) => ({ from: t.trainer, to: t.trainee, verb: 'trains', what: t.topic, p: t })),
      ...program.donations.map((d) => ({ from: d.donor, to: d.recipient, verb: 'gives to', what: d.item, p: d }))
    ].sort((a, b) => a.p.year - b.p.year || a.from.name.localeCompare(b.from.name) || a.to.name.localeCompare(b.to.name));
    const providers = new Map();
    rows.forEach((r) => providers.set(r.from.id, r.from));
    const sources = new Map();
    [program, ...rows.map((r) => r.p)].forEach((x) => x.sources.forEach((src) => sources.set(src.id, src)));
    learnSources([...sources.values()]);
    body.replaceChildren(
      h('dl', { class: 'facts' },
        h('dt', {}, 'Kind'), h('dd', {}, 'Programme'),
        h('dt', {}, 'Provider'), h('dd', {}, providers.size
          ? [...providers.values()].sort((a, b) => a.name.localeCompare(b.name)).flatMap((a, i) => [i ? ', ' : '', actorButton(a.id, a.name)])
          : h('span', { class: 'muted' }, 'none recorded')),
        program.url ? [h('dt', {}, 'Page'), h('dd', {}, sourceLink(program.url))] : null,
        h('dt', {}, 'Record'), h('dd', {}, confidenceBadge(program.confidence), ' ', sourceLinks(program.source))),
      h('h3', {}, `Partnerships (${rows.length})`),
      rows.length ? h('ul', {}, rows.map((r) => h('li', {}, actorButton(r.from.id, r.from.name), ` ${r.verb} `,
        actorButton(r.to.id, r.to.name), ` ${r.p.year}${r.p.endYear ? '–' + r.p.endYear : ''}`,
        r.what ? ` (${r.what})` : '', ' ', confidenceBadge(r.p.confidence), ' ', sourceLinks(r.p.source))))
        : h('p', { class: 'muted' }, 'None recorded.'),
      h('h3', {}, `Sources (${sources.size})`),
      sources.size ? h('ul', { class: 'sources' }, [...sources.values()].map((src) => sourceEntry(src)))
        : h('p', { class: 'muted' }, 'No source cited by id.'));
  }

  function focusOn(id) {
    $('#center').value = actorName(id);
    $('#center').dataset.id = id;
    loadNetwork();
  }

  // ---------------------------------------------------------------------------------------------- search

  function normalise(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function localSuggestions(text) {
    const q = normalise(text);
    if (!state.network) return [];
    return state.network.nodes
      .filter((n) => normalise(n.label).includes(q) || n.id.toLowerCase().includes(q))
      .sort((a, b) => (normalise(a.label).startsWith(q) ? 0 : 1) - (normalise(b.label).startsWith(q) ? 0 : 1)
        || a.label.localeCompare(b.label))
      .slice(0, 8)
      .map((n) => ({ id: n.id, label: n.label, kind: n.kind }));
  }

  async function remoteSuggestions(text) {
    const query = `query Search($text: String!) { search(text: $text, first: 8) { edges { node {
      __typename ... on Country { id name } ... on Organization { id name } ... on Mission { acronym name }
      ... on Program { code name } } } } }`;
    const data = await gql(query, { text });
    return data.search.edges.map(({ node }) => {
      if (node.__typename === 'Mission') return { id: 'mission:' + node.acronym, label: node.acronym + ' – ' + node.name, kind: 'MISSION' };
      if (node.__typename === 'Program') return { id: 'program:' + node.code, label: node.name, kind: 'PROGRAM' };
      return { id: node.id, label: node.name, kind: node.__typename === 'Country' ? 'COUNTRY' : 'ORGANIZATION' };
    });
  }

  /** Suggestions for a text: the server's ranked search, or the loaded labels where it is not served. */
  async function suggestionsFor(text) {
    if (state.remoteSearch) {
      try {
        return await remoteSuggestions(text);
      } catch (e) {
        state.remoteSearch = false; // Query.search is not served here: the loaded labels will do
      }
    }
    return localSuggestions(text);
  }

  /**
   * A text box with a list of suggestions (ARIA combobox): arrows move, Enter or a click chooses, Escape closes.
   * The search box and "Around actor" are both one; {@code accepts} keeps the kinds a box can take.
   */
  function combobox(input, list, choose, accepts, enterLooksUp) {
    let timer = null;
    let active = -1;
    let items = [];
    const close = () => {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    };
    // a pending lookup would reopen the list after a choice, and Enter would then choose its stale first item
    const pick = (item) => { clearTimeout(timer); items = []; close(); choose(item); };
    const update = async () => {
      const text = input.value.trim();
      if (text.length < 2) { close(); return; }
      const found = (await suggestionsFor(text)).filter((item) => accepts(item.kind));
      if (input.value.trim() !== text) return; // typed on meanwhile
      items = found;
      active = -1;
      list.replaceChildren(...items.map((item, i) => h('li', {
        role: 'option', id: list.id + '-' + i, 'data-id': item.id, 'aria-selected': 'false',
        onmousedown: (event) => { event.preventDefault(); pick(item); }
      }, item.label, h('span', { class: 'kind' }, KIND_LABEL[item.kind] || ''))));
      if (!items.length) list.replaceChildren(h('li', { role: 'option', 'aria-disabled': 'true' }, 'No match'));
      // the box lost focus while the lookup ran (a click on the next control): opened now, the list would lie over
      // the controls below it and take the click meant for one of them
      if (document.activeElement !== input) return;
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    };
    const move = (delta) => {
      const options = [...list.querySelectorAll('[role=option][data-id]')];
      if (!options.length) return;
      active = (active + delta + options.length) % options.length;
      options.forEach((o, i) => o.setAttribute('aria-selected', i === active ? 'true' : 'false'));
      input.setAttribute('aria-activedescendant', options[active].id);
      options[active].scrollIntoView({ block: 'nearest' });
    };
    input.addEventListener('input', () => {
      items = []; // the list shown is for the text before: Enter must not choose from it
      clearTimeout(timer);
      timer = setTimeout(update, 150);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') { event.preventDefault(); if (list.hidden) update(); else move(1); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); move(-1); }
      else if (event.key === 'Escape') close();
      else if (event.key === 'Enter' && !list.hidden && items.length) {
        event.preventDefault();
        pick(items[active >= 0 ? active : 0]);
      } else if (event.key === 'Enter' && enterLooksUp) {
        // typed and Enter before the suggestions came: the best of them, once they come
        event.preventDefault();
        clearTimeout(timer);
        update().then(() => { if (items.length) pick(items[0]); });
      }
    });
    input.addEventListener('blur', () => setTimeout(close, 150));
  }

  function chooseSuggestion(item) {
    $('#search').value = item.label;
    if (item.kind === 'MISSION') {
      const acronym = item.id.replace(/^mission:/, '');
      $('#mission').value = acronym;
      loadNetwork();
      showMission(acronym);
    } else if (item.kind === 'PROGRAM') {
      showProgram(item.id.replace(/^program:/, ''));
    } else {
      selectActor(item.id);
    }
  }

  function wireSearch() {
    combobox($('#search'), $('#suggestions'), chooseSuggestion, () => true, true);
    const center = $('#center');
    combobox(center, $('#center-suggestions'), (item) => {
      center.value = item.label;
      center.dataset.id = item.id;
      loadNetwork();
    }, (kind) => kind === 'COUNTRY' || kind === 'ORGANIZATION', false);
    // a name typed anew is looked up again when the filters apply (resolveCenter)
    center.addEventListener('input', () => { delete center.dataset.id; });
    $('#filters').addEventListener('reset', () => { delete center.dataset.id; });
  }

  /**
   * "Around actor" takes a name as well as a key: a text not chosen from the suggestions is looked up as search
   * would, and the first country or organisation found is the centre. On a miss the map keeps its view and says
   * so (a key the server does not know gave "No actor 'KENYA'" and a map that looked filtered).
   */
  async function resolveCenter() {
    const input = $('#center');
    const text = input.value.trim();
    if (!text || input.dataset.id) return true;
    let found = [];
    try {
      found = (await suggestionsFor(text)).filter((item) => item.kind === 'COUNTRY' || item.kind === 'ORGANIZATION');
    } catch (e) { /* reported as a miss below */ }
    if (input.value.trim() !== text) return false; // typed on meanwhile: that text is applied instead
    if (!found.length) {
      const box = $('#filter-error');
      box.textContent = `No country or organisation matches "${text}" for "Around actor"; the map still shows the previous view.`;
      box.hidden = false;
      return false;
    }
    input.dataset.id = found[0].id;
    return true;
  }

  // ---------------------------------------------------------------------------------------------- isolated, centrality

  /**
   * The contributors of the analysis year under the current region, kinds and confidence, most in need first. The
   * list shows the top; the red outline marks only those that received nothing in the window (a NO_SUPPORT reason),
   * since a high score alone may still come with partners drawn on the map.
   */
  async function loadIsolated() {
    const f = readFilters();
    const year = analysisYear();
    const seq = ++state.isolatedSeq;
    $('#isolated-year').textContent = String(year);
    const box = $('#isolated');
    const query = `query Isolated($year: Int!, $region: String, $kinds: [PartnershipKind!], $confidence: [Confidence!]) {
      isolatedContributors(year: $year, region: $region, kinds: $kinds, confidence: $confidence, first: 500) {
      totalCount edges { node { country { id name region } score personnel reasons { code text } } } } }`;
    const params = supportDownloadQuery(year, f);
    $('#download-isolated-csv').href = '/export/isolated.csv' + params;
    $('#download-isolated-json').href = '/export/isolated.json' + params;
    $('#isolated-legend').textContent = isolatedLegend(year, f);
    try {
      const data = (await gql(query, { year, region: f.region, kinds: f.kinds, confidence: f.confidence })).isolatedContributors;
      if (seq !== state.isolatedSeq) return; // the filters changed meanwhile
      const alone = data.edges.filter((e) => e.node.reasons.some((r) => r.code === 'NO_SUPPORT'));
      state.isolated = new Set(alone.map((e) => e.node.country.id));
      applyIsolatedClass();
      const top = data.edges.slice(0, 25);
      box.replaceChildren(
        h('p', { id: 'isolated-filters', class: 'note' }, analysisSummary(year, f) + (f.region ? `; ${f.region}` : '')),
        h('p', { id: 'isolated-summary', class: 'muted' }, `${plural(data.totalCount, 'contributor', 'contributors')}, `
          + `${alone.length} with no support (outlined in red on the map)`
          + (top.length ? `; the ${top.length} most in need:` : '.')),
        h('ol', { class: 'isolated-list' }, top.map(({ node }) => h('li', {},
          h('button', { type: 'button', class: 'linkish', onclick: () => selectActor(node.country.id) }, node.country.name),
          ` ${node.score.toFixed(2)}`, node.personnel !== null ? `, ${node.personnel} personnel` : '',
          node.reasons.length ? h('span', { class: 'muted' }, ' – ' + node.reasons[0].text) : ''))));
    } catch (e) {
      if (seq !== state.isolatedSeq) return;
      state.isolated = new Set();
      applyIsolatedClass();
      box.replaceChildren(h('p', { class: 'muted', title: e.message }, 'Not available on this server yet.'));
    }
  }

  /** Who carries the load: the providers of the window under the current filters, most recipients first. */
  async function loadProviders() {
    const f = readFilters();
    const year = analysisYear();
    const win = windowOf(year);
    const seq = ++state.providersSeq;
    $('#providers-window').textContent = `${win.from}–${win.to}`;
    $('#download-providers-csv').href = '/export/providers.csv' + supportDownloadQuery(year, f);
    const box = $('#providers');
    const query = `query Providers($year: Int!, $region: String, $kinds: [PartnershipKind!], $confidence: [Confidence!]) {
      supportProviders(year: $year, region: $region, kinds: $kinds, confidence: $confidence, first: 10) {
      totalCount edges { node { actor { id name } recipients given contributorsSupported soleRecipients { id } } } } }`;
    try {
      const data = (await gql(query, { year, region: f.region, kinds: f.kinds, confidence: f.confidence })).supportProviders;
      if (seq !== state.providersSeq) return;
      if (!data.edges.length) { box.replaceChildren(h('p', { class: 'muted' }, 'No provider under these filters.')); return; }
      box.replaceChildren(
        h('p', { class: 'muted' }, `${plural(data.totalCount, 'provider', 'providers')}; the ${data.edges.length} with most recipients:`),
        h('ol', { class: 'providers-list' }, data.edges.map(({ node }) => h('li', {},
          h('button', { type: 'button', class: 'linkish', onclick: () => selectActor(node.actor.id) }, node.actor.name),
          ` ${plural(node.recipients, 'recipient', 'recipients')}, ${node.soleRecipients.length} depend on it alone`))));
    } catch (e) {
      if (seq !== state.providersSeq) return;
      box.replaceChildren(h('p', { class: 'muted', title: e.message }, 'Not available on this server yet.'));
    }
  }

  function applyIsolatedClass() {
    if (!state.cy) return;
    state.cy.nodes().removeClass('isolated');
    state.isolated.forEach((id) => state.cy.getElementById(id).addClass('isolated'));
  }

  // ---------------------------------------------------------------------------------------------- analysis year

  // The server's support window (explorer.support.window-years): the analysis year and the two before it.
  const WINDOW_YEARS = 3;
  const CONFIDENCE_WORDS = { VERIFIED: 'verified', REPORTED: 'reported', ESTIMATE: 'estimates', ILLUSTRATIVE: 'illustrative' };

  function windowOf(year) {
    return { from: year - WINDOW_YEARS + 1, to: year };
  }

  function plural(n, one, many) {
    return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  }

  function joinAnd(words) {
    return words.length < 2 ? words.join('') : words.slice(0, -1).join(', ') + ' and ' + words[words.length - 1];
  }

  function confidenceWords(confidence) {
    return confidence.length ? joinAnd(confidence.map((c) => CONFIDENCE_WORDS[c])) : 'no confidence level';
  }

  function kindWords(kinds) {
    return kinds.length ? joinAnd(kinds.map((k) => k.toLowerCase())) : 'no partnership kind';
  }

  /** What the panel's partners are: the network's filters, in words. */
  function filtersSummary(f) {
    let years = 'all years';
    if (f.years) {
      if (f.years.from !== null && f.years.to !== null) years = `${f.years.from}–${f.years.to}`;
      else if (f.years.from !== null) years = `from ${f.years.from}`;
      else years = `up to ${f.years.to}`;
    }
    const where = [f.region ? `in ${f.region}` : '', f.mission ? `contributors of ${f.mission}` : '',
      f.center ? `around ${f.center} (${f.depth} hops)` : ''].filter(Boolean);
    return `Partners ${years}; ${kindWords(f.kinds)}; ${confidenceWords(f.confidence)}`
      + (where.length ? '; ' + where.join(', ') : '');
  }

  /** What an analysis counts: the window of the analysis year, the kinds and confidence boxes. */
  function analysisSummary(year, f) {
    const win = windowOf(year);
    return `Window ${win.from}–${win.to}; ${kindWords(f.kinds)}; ${confidenceWords(f.confidence)}`;
  }

  function isolatedLegend(year, f) {
    const win = windowOf(year);
    const kinds = f.kinds.length ? joinAnd(f.kinds.map((k) => k.toLowerCase())).replace(' and ', ' or ') : 'partnership';
    return `Contributor of ${year} with no ${kinds} received in ${win.from}–${win.to} (${confidenceWords(f.confidence)})`;
  }

  /** Download parameters of the support lists: lists comma-separated, both always given (their defaults differ). */
  function supportDownloadQuery(year, f) {
    const p = new URLSearchParams();
    p.set('year', String(year));
    if (f.region) p.set('region', f.region);
    p.set('kinds', f.kinds.join(','));
    p.set('confidence', f.confidence.join(','));
    return '?' + p.toString().replace(/%2C/g, ',');
  }

  function partnersQuery(id, f) {
    const p = new URLSearchParams();
    p.set('actor', id);
    if (f.years && f.years.from !== null) p.set('from', String(f.years.from));
    if (f.years && f.years.to !== null) p.set('to', String(f.years.to));
    p.set('confidence', f.confidence.join(','));
    p.set('kinds', f.kinds.join(','));
    return '?' + p.toString().replace(/%2C/g, ',');
  }

  /** The latest year with UN totals (what makes a contributor) is where the analyses start. */
  async function initAnalysisYear() {
    const slider = $('#analysis-year');
    const edgeYears = (state.network ? state.network.edges : []).map((e) => e.year);
    let latest = null;
    try {
      const rows = (await gql('query LatestTotals { statistics { personnelByRegion { asOf } } }', {})).statistics.personnelByRegion;
      const years = rows.map((r) => Number(String(r.asOf).slice(0, 4))).filter(Number.isInteger);
      if (years.length) latest = Math.max(...years);
    } catch (e) {
      latest = null; // the partnerships' last year will do
    }
    if (latest === null) latest = edgeYears.length ? Math.max(...edgeYears) : new Date().getFullYear() - 1;
    const earliest = Math.min(edgeYears.length ? Math.min(...edgeYears) : latest, latest);
    slider.min = String(earliest);
    slider.max = String(latest);
    slider.setAttribute('value', String(latest)); // what Reset returns to
    slider.value = String(latest);
    state.analysisReady = true;
    showAnalysisYear();
  }

  function showAnalysisYear() {
    const year = analysisYear();
    const win = windowOf(year);
    $('#analysis-year-value').textContent = String(year);
    const mode = $('#years-mode');
    const f = readFilters();
    if (state.yearsByHand) {
      const set = filtersSummary(f).replace(/^Partners /, '').split(';')[0];
      mode.replaceChildren(`Network years set by hand (${set}); the analyses use ${win.from}–${win.to}. `,
        h('button', { type: 'button', id: 'follow-analysis-year', class: 'linkish', onclick: followAnalysisYear },
          'Follow the analysis year'));
    } else if (f.years) {
      mode.textContent = `Network years follow the analysis year: ${win.from}–${win.to}.`;
    } else {
      mode.textContent = `The network shows all years; the analyses use ${win.from}–${win.to}. `
        + 'Moving the analysis year limits the network to its window.';
    }
  }

  function followAnalysisYear() {
    state.yearsByHand = false;
    const win = windowOf(analysisYear());
    $('#year-from').value = String(win.from);
    $('#year-to').value = String(win.to);
    showAnalysisYear();
    loadNetwork();
  }

  function onAnalysisYearChange() {
    if (!state.analysisReady) return;
    loadStatistics();
    if (state.yearsByHand) {
      showAnalysisYear();
      afterFiltersChanged(); // the network stays as set; the analyses move
    } else {
      followAnalysisYear(); // its load refreshes the analyses
    }
  }

  function wireAnalysisYear() {
    const slider = $('#analysis-year');
    slider.addEventListener('input', () => { $('#analysis-year-value').textContent = slider.value; });
    slider.addEventListener('change', (event) => {
      event.stopPropagation(); // not the form's generic reload: the years follow first
      onAnalysisYearChange();
    });
    for (const id of ['#year-from', '#year-to']) {
      $(id).addEventListener('input', () => {
        state.yearsByHand = $('#year-from').value.trim() !== '' || $('#year-to').value.trim() !== '';
        if (state.analysisReady) showAnalysisYear();
      });
    }
    $('#filters').addEventListener('reset', () => setTimeout(() => {
      state.yearsByHand = false;
      if (state.analysisReady) showAnalysisYear();
    }, 0));
  }

  /** The analyses and the open panel under the filters just applied. */
  function afterFiltersChanged() {
    if (!state.analysisReady) return;
    showAnalysisYear();
    loadIsolated();
    loadProviders();
    refreshPanel();
  }

  /** Numbers a section's requests, so that an answer to filters since changed does not overwrite a newer one. */
  function nextTicket(sectionEl) {
    sectionEl.ticket = (sectionEl.ticket || 0) + 1;
    return sectionEl.ticket;
  }

  /** Only the panel's parts that depend on the filters: what does not (sources, pledges) stays as it is. */
  function refreshPanel() {
    const id = state.selected;
    if (!id) return;
    const node = state.nodesById.get(id);
    if (node && node.kind === 'MISSION') { renderMission($('#panel'), node); return; }
    const partners = $('#panel-partners');
    if (partners) renderPartners(partners, id);
    const year = analysisYear();
    const need = $('#panel-support');
    if (need) {
      need.querySelector('h3').textContent = `Support need in ${year}`;
      loadSupportNeed(need, id, year);
    }
    const series = $('#panel-series');
    if (series) loadSupportSeries(series, id);
  }

  // ---------------------------------------------------------------------------------------------- support over time

  const SERIES_FROM = 2010;
  const ROLE_WORDS = { CONTRIBUTOR: 'contributor', PROVIDER: 'provider', OTHER: 'neither' };

  async function loadSupportSeries(sectionEl, id) {
    const f = readFilters();
    const to = analysisYear();
    const from = Math.min(SERIES_FROM, to);
    const ticket = nextTicket(sectionEl);
    const query = `query SupportSeries($iso3: ID!, $from: Int!, $to: Int!, $kinds: [PartnershipKind!],
      $confidence: [Confidence!]) { country(iso3: $iso3) { supportSeries(from: $from, to: $to, kinds: $kinds,
      confidence: $confidence) { year role score providers supportReceived personnel } } }`;
    try {
      const points = (await gql(query, { iso3: id, from, to, kinds: f.kinds, confidence: f.confidence })).country.supportSeries;
      if (ticket !== sectionEl.ticket) return;
      fill(sectionEl, seriesChart(points, from, to),
        h('p', { class: 'note' }, `Score per year ${from}–${to} (0 well supported, 1 alone), each over its window; `
          + `${kindWords(f.kinds)}; ${confidenceWords(f.confidence)}. A provider or a country that is neither scores 0.`));
    } catch (e) {
      if (ticket === sectionEl.ticket) notAvailable(sectionEl, e);
    }
  }

  function pointTitle(p) {
    const role = ROLE_WORDS[p.role] || p.role.toLowerCase();
    return `${p.year}: ${role}, score ${p.score.toFixed(2)}, ${plural(p.providers, 'provider', 'providers')}`;
  }

  /** One bar per year, its height the score, its colour the role; inline SVG so nothing is fetched. */
  function seriesChart(points, from, to) {
    const ns = 'http://www.w3.org/2000/svg';
    const el = (tag, attrs, text) => {
      const e = document.createElementNS(ns, tag);
      Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, String(v)));
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const width = 360;
    const top = 8;
    const plot = 90;
    const left = 24;
    const years = to - from + 1;
    const step = (width - left - 4) / years;
    const svg = el('svg', { viewBox: `0 0 ${width} ${top + plot + 30}`, class: 'chart series', role: 'img',
      'aria-label': `Support need score per year, ${from} to ${to}` });
    svg.append(el('line', { x1: left, y1: top + plot, x2: width - 4, y2: top + plot, class: 'axis' }));
    svg.append(el('text', { x: left - 4, y: top + 8, 'text-anchor': 'end' }, '1'));
    svg.append(el('text', { x: left - 4, y: top + plot, 'text-anchor': 'end' }, '0'));
    points.forEach((p) => {
      const i = p.year - from;
      // a zero score still shows its role: a thin bar on the axis
      const height = Math.max(p.score * plot, 3);
      const g = el('g', {});
      g.append(el('title', {}, pointTitle(p)));
      g.append(el('rect', { x: left + i * step + 1, y: top + plot - height, width: Math.max(step - 2, 1), height,
        class: 'point role-' + p.role.toLowerCase(), 'data-year': p.year, 'data-role': p.role, 'data-score': p.score }));
      svg.append(g);
    });
    [from, to].forEach((year) => svg.append(el('text', {
      x: left + (year - from + 0.5) * step, y: top + plot + 14, 'text-anchor': 'middle' }, String(year))));

    const box = h('div', { class: 'series-box' }, svg,
      h('p', { class: 'series-legend' }, h('span', { class: 'key role-contributor' }), 'contributor (score) ',
        h('span', { class: 'key role-provider' }), 'provider ', h('span', { class: 'key role-other' }), 'neither'));
    return box;
  }

  async function loadCentrality() {
    const query = `query Centrality { centrality(first: 500) { actor { id } pageRank betweenness } }`;
    try {
      const rows = (await gql(query)).centrality;
      state.centrality = new Map(rows.map((r) => [r.actor.id, r.pageRank]));
    } catch (e) {
      state.centrality = null; // degree in the loaded slice is the fallback
    }
  }

  // ---------------------------------------------------------------------------------------------- charts

  /** A horizontal bar chart in plain SVG; each row may carry a darker part (women, delivered). */
  function barChart(container, rows, options) {
    const opts = options || {};
    if (!rows.length) { container.replaceChildren(h('p', { class: 'muted' }, 'No data.')); return; }
    const ns = 'http://www.w3.org/2000/svg';
    const rowHeight = 18;
    const labelWidth = opts.labelWidth || 90;
    const width = 360;
    const height = rows.length * rowHeight + 6;
    const max = Math.max(...rows.map((r) => r.value), 1);
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('class', 'chart');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', opts.label || 'bar chart');
    const el = (tag, attrs, text) => {
      const e = document.createElementNS(ns, tag);
      Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, String(v)));
      if (text !== undefined) e.textContent = text;
      return e;
    };
    rows.forEach((r, i) => {
      const y = i * rowHeight + 3;
      const w = (width - labelWidth - 150) * r.value / max;
      const g = el('g', {});
      g.append(el('title', {}, r.title || `${r.label}: ${r.value}`));
      g.append(el('text', { x: labelWidth - 4, y: y + 12, 'text-anchor': 'end' }, r.label));
      if (r.value > 0) g.append(el('rect', { x: labelWidth, y, width: Math.max(w, 1), height: rowHeight - 4, class: r.cls || 'bar' }));
      if (r.part) {
        g.append(el('rect', { x: labelWidth, y, width: (width - labelWidth - 150) * r.part / max, height: rowHeight - 4, class: opts.partClass || 'part' }));
      }
      g.append(el('text', { x: labelWidth + w + 4, y: y + 12 }, r.text || String(r.value)));
      svg.append(g);
    });
    container.replaceChildren(svg);
  }

  function unavailable(container, error) {
    container.replaceChildren(h('p', { class: 'muted', title: error ? error.message : '' }, 'Not available on this server yet.'));
  }

  /** Partnerships of the current view by year, stacked by kind: always available, it reads the loaded slice. */
  function chartYears(network) {
    const byYear = new Map();
    network.edges.filter((e) => e.kind !== 'CONTRIBUTION').forEach((e) => {
      const row = byYear.get(e.year) || { TRAINING: 0, DONATION: 0 };
      row[e.kind] += 1;
      byYear.set(e.year, row);
    });
    // every year from the first to the last, so that a year without any shows as a gap rather than vanishing
    const years = [...byYear.keys()];
    const rows = [];
    for (let year = Math.min(...years); year <= Math.max(...years); year++) {
      const r = byYear.get(year) || { TRAINING: 0, DONATION: 0 };
      const total = r.TRAINING + r.DONATION;
      rows.push({
        label: String(year), value: total, part: r.DONATION, cls: 'training',
        text: total ? `${plural(r.TRAINING, 'training', 'trainings')}, ${plural(r.DONATION, 'donation', 'donations')}` : 'none',
        title: `${year}: ${plural(r.TRAINING, 'training', 'trainings')}, ${plural(r.DONATION, 'donation', 'donations')}`
      });
    }
    // donations in the map's orange, as the edges are drawn
    barChart($('#chart-years'), rows, { label: 'Partnerships by year', labelWidth: 40, partClass: 'donation' });
  }

  async function loadStatistics() {
    const year = analysisYear();
    document.querySelectorAll('.analysis-year').forEach((e) => { e.textContent = String(year); });
    const query = `query Statistics($year: Int!) { statistics {
      personnelByMission(year: $year) { mission { acronym } estimatedTroops contributors contributorsWithUnknownSize }
      personnelByRegion { region asOf total women womenShare countries }
      pledgesByCategory { key count delivered }
      pledgesByStatus { key count delivered } } }`;
    const targets = ['#chart-regions', '#chart-missions', '#chart-pledge-category', '#chart-pledge-status'].map($);
    let stats;
    try {
      stats = (await gql(query, { year })).statistics;
    } catch (e) {
      targets.forEach((t) => unavailable(t, e));
      return;
    }
    barChart($('#chart-regions'), stats.personnelByRegion.map((r) => ({
      label: r.region, value: r.total, part: r.women || 0,
      text: `${r.total.toLocaleString('en')}` + (r.womenShare !== null ? `, ${(100 * r.womenShare).toFixed(1)}% women` : ''),
      title: `${r.region} on ${r.asOf}: ${r.total} personnel from ${r.countries} countries` +
        (r.women !== null ? `, ${r.women} women` : '')
    })), { label: 'Personnel by region' });
    barChart($('#chart-missions'), stats.personnelByMission
      .filter((m) => m.estimatedTroops)
      .sort((a, b) => b.estimatedTroops - a.estimatedTroops).slice(0, 15)
      .map((m) => ({ label: m.mission.acronym, value: m.estimatedTroops,
        text: `~${m.estimatedTroops.toLocaleString('en')} (${plural(m.contributors, 'country', 'countries')})`,
        title: `${m.mission.acronym}: about ${m.estimatedTroops} (estimate), ${m.contributors} contributors, ` +
          `${m.contributorsWithUnknownSize} of unknown size` })), { label: 'Personnel by mission' });
    const pledgeRows = (rows) => rows.map((r) => ({ label: r.key.toLowerCase().replace('_', ' '), value: r.count,
      part: r.delivered, text: `${r.count} (${r.delivered} delivered)` }));
    barChart($('#chart-pledge-category'), pledgeRows(stats.pledgesByCategory), { label: 'Pledges by category', labelWidth: 110 });
    barChart($('#chart-pledge-status'), pledgeRows(stats.pledgesByStatus), { label: 'Pledges by status', labelWidth: 110 });
  }

  // ---------------------------------------------------------------------------------------------- start

  async function loadMissions() {
    try {
      const data = await gql('query Missions { missions(first: 500) { edges { node { acronym name } } } }');
      const select = $('#mission');
      data.missions.edges.forEach(({ node }) => select.append(h('option', { value: node.acronym }, `${node.acronym} – ${node.name}`)));
    } catch (e) {
      $('#mission').disabled = true;
    }
  }

  function wireFilters() {
    const form = $('#filters');
    let timer = null;
    const reload = () => { clearTimeout(timer); timer = setTimeout(loadNetwork, 200); };
    form.addEventListener('change', (event) => {
      if (event.target.type === 'number' || event.target.id === 'center') return; // on Enter or Apply
      reload();
    });
    form.addEventListener('submit', (event) => { event.preventDefault(); loadNetwork(); });
    form.addEventListener('reset', () => setTimeout(loadNetwork, 0));
    $('#layout').addEventListener('change', runLayout);
    $('#export-png').addEventListener('click', exportPng);
    // tablets: the filters fold away so that the map fits
    if (window.matchMedia('(max-width: 820px)').matches) $('#filters-box').open = false;
  }

  window.explorer = { cy: null, readyMs: null, state, selectActor, loadNetwork };

  async function start() {
    performance.mark('page:start');
    try { performance.measure('page scripts', { start: 0, end: 'page:start' }); } catch (e) { /* older browser */ }
    wireFilters();
    wireSearch();
    wireAnalysisYear();
    const missions = loadMissions();
    await loadNetwork();
    await missions;
    // secondary: after the map is interactive
    loadCentrality();
    await initAnalysisYear();
    loadIsolated();
    loadProviders();
    loadStatistics();
    loadCoverage();
    followChanges();
  }

  // ---------------------------------------------------------------------------------------------- live updates

  const PARTNERSHIP_CHANGES = `subscription { partnershipChanged {
    sequence operation kind id provider recipient year by at } }`;
  const LIVE_SETTLE_MS = 300;
  const OPERATION_WORDS = { CREATED: 'created', UPDATED: 'updated', DELETED: 'deleted' };

  /**
   * Subscribes to partnershipChanged over WebSocket (/graphql-ws, graphql-transport-ws) and, after each committed
   * change, reloads the open view and the panel with the filters as they are: no reload of the page. A burst of
   * changes is taken as one. Reconnects on its own (the graphql-ws client retries) and does nothing where the
   * client library did not load.
   */
  function followChanges() {
    if (!window.graphqlWs) return;
    const url = new URL('/graphql-ws', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const client = window.graphqlWs.createClient({ url: url.toString(), retryAttempts: Infinity });
    window.explorer.liveEvents = 0;
    client.subscribe({ query: PARTNERSHIP_CHANGES }, {
      next: (result) => { if (result.data) onPartnershipChanged(result.data.partnershipChanged); },
      error: () => { /* the client reconnects; the page keeps working without live updates meanwhile */ },
      complete: () => {}
    });
  }

  function onPartnershipChanged(change) {
    window.explorer.liveEvents += 1;
    const live = $('#live');
    live.textContent = `Updated: ${change.kind === 'DONATION' ? 'donation' : 'training'} ${change.provider} → `
      + `${change.recipient} (${change.year}) ${OPERATION_WORDS[change.operation] || ''} by ${change.by}`;
    live.hidden = false;
    live.dataset.sequence = change.sequence;
    clearTimeout(state.liveTimer);
    state.liveTimer = setTimeout(() => { loadNetwork(); }, LIVE_SETTLE_MS);
  }

  /** The footer's account of the data: its release and what its sourced partnerships cover. */
  async function loadCoverage() {
    const el = $('#coverage');
    const query = `{ statistics { coverage { release loadedAt partnerships byKind { key count } byProvider { key }
      sources publishers } } }`;
    try {
      const c = (await gql(query, {})).statistics.coverage;
      const kind = (k) => (c.byKind.find((b) => b.key === k) || { count: 0 }).count;
      el.textContent = (c.release ? `Data release ${c.release}` : 'Data loaded without a release') + ': '
        + `${plural(c.partnerships, 'sourced partnership', 'sourced partnerships')} (`
        + `${plural(kind('TRAINING'), 'training', 'trainings')}, ${plural(kind('DONATION'), 'donation', 'donations')}) `
        + `from ${plural(c.byProvider.length, 'provider', 'providers')}; `
        + `${plural(c.sources, 'source', 'sources')} from ${plural(c.publishers, 'publisher', 'publishers')}.`;
    } catch (e) {
      el.textContent = '';
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
