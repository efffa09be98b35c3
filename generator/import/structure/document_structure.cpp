#include "import/structure/document_structure.hpp"

#include <algorithm>
#include <map>

#include "import/structure/document_parts.hpp"
#include "import/structure/part_readers.hpp"
#include "import/structure/structure_text.hpp"

namespace gongkai::import {

namespace {

// "第二部分 部门决算表" -> {"第二部分", "部门决算表"}; a heading without 第N部分 keeps its text as the title.
DocumentPart split_part_heading(const std::string& heading) {
    const std::string part = "部分";
    DocumentPart out;
    const auto at = heading.find(part);
    if (heading.rfind("第", 0) == 0 && at != std::string::npos && at <= 3 + 4 * 3) {
        out.number = heading.substr(0, at + part.size());
        std::string rest = heading.substr(at + part.size());
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.erase(0, 1);
        out.title = rest;
    } else {
        out.title = heading;
    }
    // A heading wrapped over two lines was joined with a space; between Chinese characters it is no space.
    std::string title;
    for (std::size_t i = 0; i < out.title.size(); ++i) {
        const bool cjk_before = i > 0 && (static_cast<unsigned char>(out.title[i - 1]) & 0x80);
        const bool cjk_after = i + 1 < out.title.size() && (static_cast<unsigned char>(out.title[i + 1]) & 0x80);
        if (out.title[i] == ' ' && cjk_before && cjk_after) continue;
        title += out.title[i];
    }
    out.title = title.empty() ? out.number : title;
    return out;
}

// A budget's table of contents numbers its parts ("四、部门预算编制说明 ……"): each entry's title (without
// its ordinal, leader dots and page) with its ordinal ("四").
std::map<std::string, std::string> contents_numbers(const Flow& flow, const std::vector<structure::Part>& parts) {
    using namespace structure;
    std::map<std::string, std::string> out;
    for (const Part& part : parts) {
        if (part.kind != PartKind::contents) continue;
        for (std::size_t i : part.lines) {
            if (flow.lines[i].kind != FlowLine::Kind::text) continue;
            std::string s = squeeze(flow.lines[i].text);
            const Marker m = read_marker(s);
            if (m.kind != Marker::Kind::chinese) continue;
            s = s.substr(m.length);
            s = s.substr(0, std::min(s.find("…"), s.find("...")));
            while (!s.empty() && s.back() >= '0' && s.back() <= '9') s.pop_back();
            if (!s.empty()) out[s] = m.label;
        }
    }
    return out;
}

// The ordinal the contents give the part headed `heading` ("2025年部门预算编制说明" is "四、部门预算编制说明",
// "人民调解项目经费情况说明" is "七、项目经费情况说明"); "" when none.
std::string part_number(const std::map<std::string, std::string>& contents, const std::string& heading) {
    const std::string h = structure::squeeze(heading);
    std::string best, number;
    for (const auto& [title, ordinal] : contents)
        if (ends_with(h, title) && title.size() > best.size()) best = title, number = ordinal;
    return number;
}

}  // namespace

DocumentStructure read_structure(const Flow& flow, const std::vector<std::size_t>& table_lines) {
    using namespace structure;
    DocumentStructure st;
    std::vector<bool> skip(flow.lines.size(), false);
    for (std::size_t i : table_lines)
        if (i < skip.size()) skip[i] = true;
    std::vector<Part> parts = split_parts(flow, skip);
    CoverInfo cover = read_cover(flow, parts);
    // A budget's parts follow another order and print no 第N部分 in Shanghai's template: split it again.
    const bool budget = cover.kind == "预算";
    if (budget) {
        parts = split_parts(flow, skip, true);
        cover = read_cover(flow, parts);
    }
    const std::map<std::string, std::string> contents = budget ? contents_numbers(flow, parts) : std::map<std::string, std::string>{};
    st.kind = cover.kind;
    st.description = cover.description;
    st.title = cover.title;
    st.department_name = cover.department;
    st.year = cover.year;

    // The body's part headings as printed (the contents repeat them; the cover has none).
    for (const Part& part : parts) {
        if (part.kind == PartKind::cover || part.kind == PartKind::contents || part.heading.empty()) continue;
        st.parts.push_back(split_part_heading(part.heading));
    }

    for (const Part& part : parts) {
        switch (part.kind) {
            case PartKind::cover:
            case PartKind::contents:
                break;  // read by read_cover, or a repeat of the headings
            case PartKind::overview: {
                nlohmann::json o = read_overview(flow, part, st.unplaced, budget && ends_with(squeeze(part.heading), "机构设置"));
                for (auto it = o.begin(); it != o.end(); ++it) {
                    if (!st.overview.contains(it.key())) st.overview[it.key()] = it.value();
                    else if (it.key() == "text") st.overview["text"] = st.overview["text"].get<std::string>() + "\n" + it.value().get<std::string>();
                }
                break;
            }
            case PartKind::tables:
                // Until the tables are read (table_lines empty) everything here is theirs; afterwards a text
                // line they did not claim is reported.
                if (table_lines.empty()) break;
                for (std::size_t i : part.lines)
                    if (flow.lines[i].kind == FlowLine::Kind::text)
                        st.unplaced.push_back(unplaced_line(flow, i, "text in the tables part that belongs to no table"));
                break;
            case PartKind::narrative: {
                SectionNaming naming;
                if (budget) {
                    naming.prefix = part_number(contents, part.heading);
                    naming.id = naming.prefix;
                    naming.whole = contains(squeeze(part.heading), "项目经费");
                }
                for (NarrativeSection& s : read_sections(flow, part, st.unplaced, budget ? &naming : nullptr))
                    st.sections.push_back(std::move(s));
                break;
            }
            case PartKind::glossary:
                for (auto& g : read_glossary(flow, part, st.unplaced)) st.glossary.push_back(g);
                break;
            case PartKind::attachments:
                for (auto& a : read_attachments(flow, part, st.unplaced)) st.attachments.push_back(a);
                break;
            case PartKind::other:
                for (std::size_t i : part.heading_lines)
                    st.unplaced.push_back(unplaced_line(flow, i, "a part heading of a kind a 部门决算 does not have"));
                for (std::size_t i : part.lines)
                    st.unplaced.push_back(unplaced_line(flow, i, flow.lines[i].kind == FlowLine::Kind::text
                                                                     ? "text outside the parts of a 部门决算 (概况, "
                                                                       "tables, 情况说明, 名词解释, 附件)"
                                                                     : "a table row outside the parts of a 部门决算"));
                break;
        }
    }
    return st;
}

}  // namespace gongkai::import
