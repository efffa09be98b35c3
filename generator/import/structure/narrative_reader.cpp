// The 情况说明: sections headed "一、…", "二、…" in sequence; everything up to the next heading is the
// section's text (sub-part headings such as "（一）…" included), one line per printed paragraph.
#include "import/structure/paragraphs.hpp"
#include "import/structure/part_readers.hpp"
#include "import/structure/structure_text.hpp"

namespace gongkai::import::structure {

Unplaced unplaced_line(const Flow& flow, std::size_t i, const std::string& reason) {
    const FlowLine& l = flow.lines[i];
    return {l.page, l.line_number, collapse_spaces(l.text), reason};
}

namespace {

// "二、收入决算情况说明" continuing the numbering; a paragraph of text never passes (it holds a full stop).
bool is_section_heading(const std::string& text, int last) {
    const Marker m = read_marker(text);
    if (m.kind != Marker::Kind::chinese) return false;
    if (m.number != last + 1 && m.number != last + 2) return false;
    return char_count(text) <= 100 && !contains(text, "。");
}

}  // namespace

std::vector<NarrativeSection> read_sections(const Flow& flow, const Part& part, std::vector<Unplaced>& unplaced,
                                            const SectionNaming* naming) {
    std::vector<NarrativeSection> sections;
    std::vector<std::size_t> text_lines;
    for (std::size_t i : part.lines) {
        if (flow.lines[i].kind == FlowLine::Kind::text) text_lines.push_back(i);
        else unplaced.push_back(unplaced_line(flow, i, "a table row inside the 情况说明 (narrative), outside the tables"));
    }
    int last = 0;
    const std::string prefix = naming && !naming->prefix.empty() ? naming->prefix + "." : "";
    for (const Paragraph& p : paragraphs_of(flow, text_lines)) {
        if (!(naming && naming->whole) && is_section_heading(p.text, last)) {
            const Marker m = read_marker(p.text);
            last = m.number;
            sections.push_back({prefix + m.label, p.text, ""});
            continue;
        }
        if (sections.empty() && naming) {
            // A budget's part printed without numbered headings (its 预算编制说明) is one section.
            sections.push_back({naming->id, collapse_spaces(part.heading), ""});
        }
        if (sections.empty()) {
            for (std::size_t i : p.lines)
                unplaced.push_back(unplaced_line(flow, i, "text of the 情况说明 (narrative) before its first section"));
            continue;
        }
        std::string& text = sections.back().text;
        text += (text.empty() ? "" : "\n") + p.text;
    }
    return sections;
}

}  // namespace gongkai::import::structure
