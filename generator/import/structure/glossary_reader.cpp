// The 名词解释 ("一、财政拨款收入：指…"; a definition printed without its term keeps term null) and the
// 附件 ("一、2024年度部门(单位)整体支出绩效自评报告。" followed by its text and table).
#include <cctype>

#include "import/structure/paragraphs.hpp"
#include "import/structure/part_readers.hpp"
#include "import/structure/structure_text.hpp"

namespace gongkai::import::structure {

namespace {

using nlohmann::json;

bool is_numbered(const Marker& m) {
    return m.kind == Marker::Kind::chinese || m.kind == Marker::Kind::paren_chinese || m.kind == Marker::Kind::arabic;
}

// "term：definition" when the part before the colon reads as a term (short, no sentence punctuation).
json glossary_entry(const std::string& body) {
    for (std::string_view colon : {"：", ":"}) {
        const std::size_t at = body.find(colon);
        if (at == std::string::npos) continue;
        const std::string term = trim(body.substr(0, at));
        if (term.empty() || char_count(term) > 20 || contains(term, "，") || contains(term, "。") ||
            starts_with(term, "是指") || starts_with(term, "指"))
            break;
        return {{"term", term}, {"definition", trim(body.substr(at + colon.size()))}};
    }
    return {{"term", nullptr}, {"definition", body}};
}

// The paragraphs of a table cell: a portal's HTML paragraphs (<p>…</p>) or line breaks split it; a cell
// holding nothing but dashes is a page-break marker of the extraction, not text.
std::vector<std::string> cell_paragraphs(const std::string& cell) {
    std::string plain;
    for (std::size_t i = 0; i < cell.size();) {
        if (cell[i] == '<') {
            const std::size_t end = cell.find('>', i);
            if (end != std::string::npos && end - i <= 8) {
                const std::string tag = cell.substr(i, end - i + 1);
                if (tag == "</p>" || starts_with(tag, "<br")) plain += '\n';
                i = end + 1;
                continue;
            }
        }
        plain += cell[i++];
    }
    std::vector<std::string> out;
    for (const std::string& piece : split(plain, "\n")) {
        const std::string t = trim(piece);
        if (t.empty() || t.find_first_not_of('-') == std::string::npos) continue;
        out.push_back(t);
    }
    return out;
}

// Bytes of a leading "附件1：" / "附件二:" label of an attachment's title, 0 when there is none.
std::size_t attachment_label(const std::string& text) {
    if (!starts_with(text, "附件")) return 0;
    std::size_t i = 6;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == ' ')) ++i;
    if (i == 6) {
        for (std::size_t n = 3; n <= 9 && 6 + n <= text.size(); n += 3)
            if (chinese_number(text.substr(6, n))) i = 6 + n;
    }
    if (text.compare(i, 3, "：") == 0) return char_count(text) <= 80 ? i + 3 : 0;
    if (text.compare(i, 1, ":") == 0) return char_count(text) <= 80 ? i + 1 : 0;
    return 0;
}

}  // namespace

json read_glossary(const Flow& flow, const Part& part, std::vector<Unplaced>& unplaced) {
    json glossary = json::array();
    std::vector<std::size_t> text_lines;
    for (std::size_t i : part.lines) {
        if (flow.lines[i].kind == FlowLine::Kind::text) text_lines.push_back(i);
        else unplaced.push_back(unplaced_line(flow, i, "a table row inside the 名词解释 (glossary)"));
    }
    for (const Paragraph& p : paragraphs_of(flow, text_lines)) {
        const Marker m = read_marker(p.text);
        if (!is_numbered(m) && !glossary.empty()) {
            // A definition going on in a paragraph of its own.
            std::string d = glossary.back()["definition"].get<std::string>();
            glossary.back()["definition"] = d + "\n" + p.text;
            continue;
        }
        glossary.push_back(glossary_entry(trim(p.text.substr(is_numbered(m) ? m.length : 0))));
    }
    return glossary;
}

json read_attachments(const Flow& flow, const Part& part, std::vector<Unplaced>& unplaced) {
    json attachments = json::array();
    int last = 0;
    auto append = [&](const std::string& text) {
        std::string t = attachments.back()["text"].get<std::string>();
        attachments.back()["text"] = t + (t.empty() ? "" : "\n") + text;
    };
    std::vector<std::size_t> run;  // consecutive text lines
    auto flush = [&] {
        for (const Paragraph& p : paragraphs_of(flow, run)) {
            const Marker m = read_marker(p.text);
            const bool numbered = m.kind == Marker::Kind::chinese && m.number == last + 1 && char_count(p.text) <= 80;
            const std::size_t label = attachment_label(p.text);
            if (numbered || label || attachments.empty()) {
                std::string t = trim(p.text.substr(numbered ? m.length : label));
                if (ends_with(t, "。")) t.resize(t.size() - 3);
                if (numbered) last = m.number;
                attachments.push_back({{"title", t}, {"text", ""}});
                continue;
            }
            append(p.text);
        }
        run.clear();
    };
    for (std::size_t i : part.lines) {
        const FlowLine& l = flow.lines[i];
        if (l.kind == FlowLine::Kind::text) {
            run.push_back(i);
            continue;
        }
        flush();
        for (const FlowCell& c : l.cells)
            for (const std::string& text : cell_paragraphs(c.text)) {
                if (attachments.empty()) {
                    unplaced.push_back(unplaced_line(flow, i, "a table row of the 附件 (attachments) before any title"));
                    break;
                }
                append(text);
            }
    }
    flush();
    return attachments;
}

}  // namespace gongkai::import::structure
