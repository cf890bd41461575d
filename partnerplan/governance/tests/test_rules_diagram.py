"""Governance diagram: valid, accessible SVG with a layered layout and a text alternative."""

import re
import xml.etree.ElementTree as ET

import pytest

from partnerplan.governance.rules.diagram import (
    BACKGROUND,
    EDGE_STYLES,
    KIND_STYLES,
    TEXT_COLOUR,
    DiagramEdge,
    DiagramNode,
    contrast_ratio,
    describe_governance,
    describe_nodes,
    example_partnership_structure,
    layer_nodes,
    render_governance_svg,
)

SVG = "{http://www.w3.org/2000/svg}"


def render(nodes, edges, **kwargs):
    kwargs.setdefault("title", "Partnership governance")
    return render_governance_svg(nodes, edges, **kwargs)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def attr(element: ET.Element, name: str) -> str:
    value = element.get(name)
    assert value is not None, name
    return value


def child(element: ET.Element, tag: str) -> ET.Element:
    found = element.find(f"{SVG}{tag}")
    assert found is not None, tag
    return found


def node_groups(root: ET.Element) -> dict[str, ET.Element]:
    return {attr(g, "data-node"): g for g in root.iter(f"{SVG}g") if g.get("data-node") is not None}


def node_rect(root: ET.Element, node_id: str) -> tuple[float, float, float, float]:
    rect = child(node_groups(root)[node_id], "rect")
    x, y, w, h = (float(attr(rect, k)) for k in ("x", "y", "width", "height"))
    return x, y, w, h


def group_text(group: ET.Element) -> str:
    return " ".join("".join(t.itertext()) for t in group.iter(f"{SVG}text"))


def test_it_renders_well_formed_svg_with_title_and_description():
    nodes, edges = example_partnership_structure()
    root = parse(render(nodes, edges, description="How the partnership is governed."))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title_id, desc_id = attr(root, "aria-labelledby").split()
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None
    assert desc is not None
    assert title.get("id") == title_id
    assert desc.get("id") == desc_id
    assert title.text == "Partnership governance"
    assert desc.text == "How the partnership is governed."
    assert list(root)[0] is title  # title first, as accessibility APIs expect


def test_it_uses_the_sentences_as_description_when_none_is_given():
    nodes, edges = example_partnership_structure()
    root = parse(render(nodes, edges))
    desc = root.find(f"{SVG}desc")
    assert desc is not None
    sentence = "Strategic Advisory Board (SAB) reports to Joint Committee (monthly)."
    assert sentence in (desc.text or "")


def test_it_shows_every_node_label_and_its_kind():
    nodes, edges = example_partnership_structure()
    groups = node_groups(parse(render(nodes, edges)))
    assert set(groups) == {n.id for n in nodes}
    for node in nodes:
        text = group_text(groups[node.id])
        assert node.label in text.replace("- ", "-")
        assert KIND_STYLES[node.kind].name.upper() in text


def test_it_places_a_node_below_what_it_reports_to():
    nodes, edges = example_partnership_structure()
    root = parse(render(nodes, edges))

    def top(node_id):
        return node_rect(root, node_id)[1]

    assert top("sab") > top("jc")
    assert top("pe") > top("jc")
    assert top("pe") > top("ce")  # twin track
    assert top("ce") > top("lceg")
    assert top("coord") > top("sab")
    assert top("boards") > top("pe")
    assert top("pm") > top("boards")
    assert top("director") > top("jc")  # delegated to
    assert top("jc") == pytest.approx(top("lceg"), abs=20)


def test_it_computes_layers_from_reporting_lines():
    nodes, edges = example_partnership_structure()
    layers = layer_nodes(nodes, edges)
    assert layers["jc"] == layers["lceg"] == 0
    assert layers["sab"] == layers["ce"] == layers["director"] == 1
    assert layers["pe"] == layers["coord"] == 2
    assert layers["boards"] == 3
    assert layers["pm"] == 4


def test_it_keeps_boxes_from_overlapping():
    nodes, edges = example_partnership_structure()
    root = parse(render(nodes, edges))
    rects = [node_rect(root, n.id) for n in nodes]
    for i, (x1, y1, w1, h1) in enumerate(rects):
        for x2, y2, w2, h2 in rects[i + 1 :]:
            apart = x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
            assert apart


def test_it_fits_everything_inside_the_canvas():
    nodes, edges = example_partnership_structure()
    root = parse(render(nodes, edges))
    width, height = float(attr(root, "width")), float(attr(root, "height"))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    for node in nodes:
        x, y, w, h = node_rect(root, node.id)
        assert x >= 0
        assert y >= 0
        assert x + w <= width
        assert y + h <= height


def test_it_dashes_twin_track_lines_only():
    nodes, edges = example_partnership_structure()
    root = parse(render(nodes, edges))
    paths = [p for p in root.iter(f"{SVG}path") if "edge" in (p.get("class") or "")]
    assert len(paths) == len(edges)
    twin = [p for p in paths if "edge-twin_track" in attr(p, "class")]
    reports = [p for p in paths if "edge-reports_to" in attr(p, "class")]
    assert len(twin) == 2
    assert all(p.get("stroke-dasharray") for p in twin)
    assert not any(p.get("stroke-dasharray") for p in reports)
    delegates = [p for p in paths if "edge-delegates" in attr(p, "class")]
    assert delegates
    assert delegates[0].get("stroke-dasharray") != twin[0].get("stroke-dasharray")


def test_it_points_arrows_at_the_body_reported_to():
    nodes = [DiagramNode("top", "Top"), DiagramNode("low", "Low")]
    root = parse(render(nodes, [DiagramEdge("low", "top")]))
    path = next(p for p in root.iter(f"{SVG}path") if p.get("data-source") == "low")
    # dot's route runs from the source to the target; the arrow is at its end, at the top.
    assert path.get("marker-end")
    ys = [float(xy.split(",")[1]) for xy in re.findall(r"-?[\d.]+,-?[\d.]+", path.get("d", ""))]
    assert ys[-1] < ys[0]
    delegated = parse(render(nodes, [DiagramEdge("top", "low", style="delegates")]))
    path = next(p for p in delegated.iter(f"{SVG}path") if p.get("data-source") == "top")
    assert path.get("marker-end")


def test_it_has_a_legend_for_the_line_styles_and_kinds_used():
    nodes, edges = example_partnership_structure()
    root = parse(render(nodes, edges))
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "legend")
    text = group_text(legend)
    for style in ("reports_to", "twin_track", "delegates"):
        assert EDGE_STYLES[style].name in text
    for kind in {n.kind for n in nodes}:
        assert KIND_STYLES[kind].name in text


def test_it_escapes_all_text():
    nodes = [
        DiagramNode(
            "a&b", 'Audit & <Scrutiny> "Committee"', "Members' ]]> panel\x07", "elected_body"
        ),
        DiagramNode("c", "Chief Executive's <office>", "", "office_holder"),
    ]
    edges = [DiagramEdge("c", "a&b", "reports <quarterly> & 'often'")]
    svg = render(nodes, edges, title="Title & <b>", description='Desc "quoted" & <i>')
    assert "<Scrutiny>" not in svg
    assert "\x07" not in svg
    root = parse(svg)
    assert child(root, "title").text == "Title & <b>"
    assert child(root, "desc").text == 'Desc "quoted" & <i>'
    text = group_text(node_groups(root)["a&b"])
    assert 'Audit & <Scrutiny> "Committee"' in text
    assert "reports <quarterly> & 'often'" in " ".join(" ".join(root.itertext()).split())


def test_it_survives_cycles_self_loops_and_isolated_nodes():
    nodes = [DiagramNode(x, x.upper()) for x in "abcde"]
    edges = [
        DiagramEdge("a", "b"),
        DiagramEdge("b", "c"),
        DiagramEdge("c", "a"),
        DiagramEdge("d", "d"),
        DiagramEdge("d", "c", style="twin_track"),
    ]
    layers = layer_nodes(nodes, edges)
    assert len(set(layers[x] for x in "abc")) == 3
    root = parse(render(nodes, edges))
    assert set(node_groups(root)) == set("abcde")
    sentences = describe_governance(nodes, edges)
    assert "E has no reporting line shown." in sentences
    assert "D reports to D." in sentences


def test_it_renders_an_empty_diagram():
    root = parse(render([], []))
    assert child(root, "title").text == "Partnership governance"


def test_it_rejects_lines_to_unknown_boxes_and_repeated_ids():
    with pytest.raises(ValueError, match="'ghost', which is not one of the boxes"):
        render([DiagramNode("a", "A")], [DiagramEdge("a", "ghost")])
    with pytest.raises(ValueError, match="share the id 'a'"):
        render([DiagramNode("a", "A"), DiagramNode("a", "B")], [])
    bad = DiagramEdge("a", "b", style="x")
    with pytest.raises(ValueError, match="Unknown line style"):
        render([DiagramNode("a", "A"), DiagramNode("b", "B")], [bad])


def test_it_keeps_ids_unique_per_diagram():
    nodes, edges = example_partnership_structure()
    first = render(nodes, edges, id_prefix="structure one")
    second = render(nodes, edges, id_prefix="2nd")
    ids_first = set(re.findall(r' id="([^"]+)"', first))
    ids_second = set(re.findall(r' id="([^"]+)"', second))
    assert ids_first
    assert not ids_first & ids_second
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", i) for i in ids_first | ids_second)


def test_it_uses_colours_with_enough_contrast():
    for style in KIND_STYLES.values():
        assert contrast_ratio(TEXT_COLOUR, style.fill) >= 4.5, style.name
        assert contrast_ratio(style.stroke, style.fill) >= 3, style.name
    for line in EDGE_STYLES.values():
        assert contrast_ratio(line.colour, BACKGROUND) >= 3, line.name
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_it_describes_the_structure_in_sentences():
    nodes, edges = example_partnership_structure()
    sentences = describe_governance(nodes, edges)
    assert sentences[0] == "Joint Committee delegates to Partnership Director (£85k contingency)."
    assert "Strategic Advisory Board (SAB) reports to Joint Committee (monthly)." in sentences
    assert (
        "Lead council Chief Executive reports to Leaders and Chief Executives Group on the "
        "twin track."
    ) in sentences
    assert "Project Executives report to Joint Committee (reports and seeks approvals)." in (
        sentences
    )
    assert (
        "Project Executives also report to Lead council Chief Executive on the twin track "
        "(where a project serves a workstream)."
    ) in sentences
    assert sentences.index("Project boards report to Project Executives.") > sentences.index(
        "Strategic Advisory Board (SAB) reports to Joint Committee (monthly)."
    )
    assert len(sentences) == len(edges)


def test_it_describes_each_box():
    nodes, _ = example_partnership_structure()
    lines = describe_nodes(nodes)
    assert lines[0].startswith("Joint Committee (elected body): Elected members")
    assert "Project managers (project): Pooled from partners." in lines


def test_it_wraps_long_labels_inside_the_box():
    long = "Staffordshire Connects Customer Access and Integrated Services Programme Board"
    root = parse(render([DiagramNode("x", long, "A " * 60, "project")], []))
    group = node_groups(root)["x"]
    texts = list(group.iter(f"{SVG}text"))
    assert len(texts) > 4
    assert all(len("".join(t.itertext())) <= 32 for t in texts)
