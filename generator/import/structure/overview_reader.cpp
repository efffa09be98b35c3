// The 概况: "一、主要职能 / 部门职责" (the duties, numbered or not, often after an introduction ending in
// "主要职责是："), then "二、部门决算单位构成 / 机构设置…" (Hunan: a sentence with internal units, staffing and
// vehicles; Shanghai: a small table 序号 / 单位名称 / 备注 of the consolidated units).
#include <regex>

#include "import/structure/paragraphs.hpp"
#include "import/structure/part_readers.hpp"
#include "import/structure/structure_text.hpp"

namespace gongkai::import::structure {

namespace {

using nlohmann::json;

// A sub-part heading of the 概况 continuing their numbering: "一、主要职能", "二、机构设置及决算单位构成",
// "二、部门决算单位构成（仅有一个单位的部门，本部分内容为“机构设置”）". Duties numbered "一、" "二、" are
// sentences (they end in "。") or come out of sequence.
bool is_subheading(const std::string& text, int expected) {
    const Marker m = read_marker(text);
    if (m.kind != Marker::Kind::chinese || m.number != expected || contains(text, "。")) return false;
    if (char_count(text) <= 20) return true;
    for (std::string_view word : {"职能", "职责", "机构", "单位构成", "人员", "编制", "基本情况"})
        if (contains(text, word) && char_count(text) <= 60) return true;
    return false;
}

bool is_duties_heading(const std::string& text) { return contains(text, "职能") || contains(text, "职责"); }

// Splits paragraphs where the next item of a numbered list starts inside them after a finished sentence
// ("…财务规则。（八）负责…").
std::vector<std::string> split_run_on_items(const std::vector<std::string>& paragraphs) {
    std::vector<std::string> out;
    for (const std::string& p : paragraphs) {
        std::string rest = p;
        for (;;) {
            const Marker m = read_marker(rest);
            if (m.kind == Marker::Kind::none || m.kind == Marker::Kind::article) break;
            const std::size_t at = find_marker(rest, m.kind, m.number + 1, m.length);
            if (at == std::string::npos) break;
            const std::string before = trim(rest.substr(0, at));
            if (!(ends_with(before, "。") || ends_with(before, "；") || ends_with(before, ";"))) break;
            out.push_back(before);
            rest = trim(rest.substr(at));
        }
        out.push_back(rest);
    }
    return out;
}

// Reads the duties zone: numbered items are duties, what precedes them is text; without numbers, the
// text up to "主要职责是：" is the introduction and the rest are duties, one per paragraph.
void read_duties(const std::vector<std::string>& zone, json& duties, std::vector<std::string>& text) {
    const std::vector<std::string> paragraphs = split_run_on_items(zone);
    std::size_t first = paragraphs.size();
    Marker::Kind kind = Marker::Kind::none;
    for (std::size_t k = 0; k < paragraphs.size(); ++k) {
        const Marker m = read_marker(paragraphs[k]);
        if (m.number == 1 && m.kind != Marker::Kind::none && m.kind != Marker::Kind::article) {
            first = k;
            kind = m.kind;
            break;
        }
    }
    if (kind != Marker::Kind::none) {
        for (std::size_t k = 0; k < first; ++k) text.push_back(paragraphs[k]);
        int expected = 1;
        bool open = false;  // the last paragraph was an item (unnumbered paragraphs continue it)
        std::vector<std::string> after;
        for (std::size_t k = first; k < paragraphs.size(); ++k) {
            const Marker m = read_marker(paragraphs[k]);
            if (m.kind == kind && m.number == expected) {
                for (const std::string& a : after) duties.back() = duties.back().get<std::string>() + "\n" + a;
                after.clear();
                duties.push_back(paragraphs[k]);
                ++expected;
                open = true;
            } else if (open) {
                after.push_back(paragraphs[k]);
            }
        }
        for (const std::string& a : after) text.push_back(a);
        return;
    }
    bool intro_found = false;
    for (const std::string& p : paragraphs) {
        if (!intro_found) {
            for (std::string_view intro : {"主要职责是：", "主要职能是：", "主要职能包括：", "主要职责包括：",
                                           "主要职责：", "主要职能：", "职责是：", "职能是："}) {
                const std::size_t at = p.find(intro);
                if (at == std::string::npos) continue;
                intro_found = true;
                text.push_back(trim(p.substr(0, at + intro.size())));
                const std::string rest = trim(p.substr(at + intro.size()));
                if (!rest.empty()) duties.push_back(rest);
                break;
            }
            if (intro_found) continue;
        }
        duties.push_back(p);
    }
}

std::optional<int> match_count(const std::string& s, const std::regex& re) {
    std::smatch m;
    if (!std::regex_search(s, m, re)) return std::nullopt;
    return parse_count(m[1].str());
}

// Internal units, staffing and vehicles as Hunan's template states them in one sentence.
void read_staffing(const std::string& text, json& overview) {
    static const std::regex units_re(R"(内设机构\s*(\d+)\s*个)");
    static const std::regex total_re(R"((?:人员编制|编制人数|核定编制|编制数)\s*(\d+)\s*(?:名|人))");
    static const std::regex actual_re(R"(实有(?:在职|在编)?(?:人员|人数)?(?:数)?\s*(\d+)\s*(?:名|人))");
    static const std::regex piece_re(R"(^(.+编制)\s*(\d+)\s*(?:名|人)$)");
    static const std::regex vehicles_re(R"(车辆编制(?:数)?\s*(\d+)\s*(?:台|辆))");
    static const std::regex vehicles_actual_re(R"(实有车辆(?:数)?\s*(\d+)\s*(?:台|辆))");
    std::smatch m;
    if (std::regex_search(text, m, units_re)) {
        json units = {{"count", *parse_count(m[1].str())}};
        std::string rest = m.suffix().str();
        for (std::string_view lead : {"，分别是：", "，分别为：", "，包括：", "：", ":"}) {
            if (!starts_with(rest, lead)) continue;
            rest = rest.substr(lead.size());
            const std::size_t end = std::min(rest.find("。"), rest.find("；"));
            json names = json::array();
            for (const std::string& n : split(rest.substr(0, end), "、"))
                if (!trim(n).empty()) names.push_back(trim(n));
            units["names"] = names;
            break;
        }
        overview["internal_units"] = units;
    }
    json staffing = json::object();
    if (std::regex_search(text, m, total_re)) {
        staffing["authorized_total"] = *parse_count(m[1].str());
        std::string rest = m.suffix().str();
        if (starts_with(rest, "，")) rest = rest.substr(3);
        if (starts_with(rest, "其中")) {
            rest = rest.substr(6);
            if (starts_with(rest, "：")) rest = rest.substr(3);
            else if (starts_with(rest, ":")) rest = rest.substr(1);
            const std::size_t end = std::min(rest.find("。"), rest.find("；"));
            json authorized = json::array();
            for (const std::string& piece_raw : split(rest.substr(0, end), "，"))
                for (const std::string& piece : split(piece_raw, "、")) {
                    std::smatch pm;
                    const std::string p = trim(piece);
                    if (p.size() <= 120 && std::regex_match(p, pm, piece_re))
                        authorized.push_back({{"type", trim(pm[1].str())}, {"count", *parse_count(pm[2].str())}});
                }
            if (!authorized.empty()) staffing["authorized"] = authorized;
        }
    }
    if (auto a = match_count(text, actual_re)) staffing["actual"] = *a;
    if (!staffing.empty()) overview["staffing"] = staffing;
    json vehicles = json::object();
    if (auto v = match_count(text, vehicles_re)) vehicles["authorized"] = *v;
    if (auto v = match_count(text, vehicles_actual_re)) vehicles["actual"] = *v;
    if (!vehicles.empty()) overview["vehicles"] = vehicles;
}

// Consolidated units stated in a sentence: "…单位构成包括：湘潭县人民政府办公室单位本级。"
json units_from_sentence(const std::string& text) {
    json units = json::array();
    for (std::string_view lead : {"单位构成包括：", "构成包括：", "单位包括：", "单位有："}) {
        const std::size_t at = text.find(lead);
        if (at == std::string::npos) continue;
        std::string rest = text.substr(at + lead.size());
        rest = rest.substr(0, std::min(rest.find("。"), rest.find("\n")));
        for (const std::string& raw : split(rest, "、")) {
            const std::string name = trim(raw);
            if (name.empty()) continue;
            if (ends_with(name, "单位本级") && name.size() > 12)
                units.push_back({{"name", name.substr(0, name.size() - 12)}, {"note", "单位本级"}});
            else
                units.push_back({{"name", name}, {"note", nullptr}});
        }
        break;
    }
    return units;
}

bool has_letters(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 0;
        const char32_t c = code_point_at(s, i, &n);
        if (is_ideograph(c) || is_ascii_alnum(c)) return true;
        i += n;
    }
    return false;
}

}  // namespace

json read_overview(const Flow& flow, const Part& part, std::vector<Unplaced>& unplaced, bool organisation) {
    json overview = json::object();
    // The consolidated-units table: grid rows (PDF, text) or text lines under a 序号 单位名称 备注 header.
    json units = json::array();
    std::vector<std::size_t> text_lines;
    int name_col = -1, note_col = -1, number_col = -1;
    bool text_table = false;
    for (std::size_t i : part.lines) {
        const FlowLine& l = flow.lines[i];
        if (l.kind == FlowLine::Kind::table_row) {
            text_table = false;
            int nc = -1, oc = -1, sc = -1;
            for (const FlowCell& c : l.cells) {
                const std::string s = squeeze(c.text);
                if (s == "单位名称" || s == "单位") nc = c.column;
                else if (s == "备注") oc = c.column;
                else if (s == "序号") sc = c.column;
            }
            if (nc >= 0) {
                name_col = nc, note_col = oc, number_col = sc;
                continue;
            }
            if (name_col < 0) {
                unplaced.push_back(unplaced_line(flow, i, "a table row in the 概况 that is not the list of units"));
                continue;
            }
            json unit = {{"name", nullptr}, {"note", nullptr}};
            for (const FlowCell& c : l.cells) {
                const std::string s = collapse_spaces(c.text);
                if (c.column == name_col) unit["name"] = s;
                else if (c.column == note_col && !s.empty()) unit["note"] = s;
                else if (c.column != number_col && !s.empty())
                    unplaced.push_back(unplaced_line(flow, i, "a cell of the units table under no known column"));
            }
            if (unit["name"].is_string() && has_letters(unit["name"].get<std::string>())) units.push_back(unit);
            continue;
        }
        const std::string s = squeeze(l.text);
        if (contains(s, "序号") && contains(s, "单位名称")) {
            text_table = true;
            continue;
        }
        if (text_table) {
            // "1 上海市普陀区财政局财政所 预算不单列，并入本级"
            const std::string t = collapse_spaces(l.text);
            const std::size_t sp = t.find(' ');
            if (sp != std::string::npos && parse_count(t.substr(0, sp))) {
                const std::string rest = t.substr(sp + 1);
                const std::size_t sp2 = rest.find(' ');
                json unit = {{"name", rest.substr(0, sp2)}, {"note", nullptr}};
                if (sp2 != std::string::npos) unit["note"] = rest.substr(sp2 + 1);
                if (has_letters(unit["name"].get<std::string>())) units.push_back(unit);
                continue;
            }
            text_table = false;
        }
        text_lines.push_back(i);
    }

    const std::vector<Paragraph> paragraphs = paragraphs_of(flow, text_lines);
    json duties = json::array();
    std::vector<std::string> text, duties_zone, structure_zone;
    int next_heading = 1;
    enum class Zone { functions, organisation } zone = organisation ? Zone::organisation : Zone::functions;
    json listed_units = json::array();  // a budget's "1.财政局本部" list in its 机构设置
    auto flush_duties = [&] {
        if (!duties_zone.empty()) read_duties(duties_zone, duties, text);
        duties_zone.clear();
    };
    for (const Paragraph& p : paragraphs) {
        if (is_subheading(p.text, next_heading)) {
            ++next_heading;
            flush_duties();
            zone = is_duties_heading(p.text) ? Zone::functions : Zone::organisation;
            continue;
        }
        if (zone == Zone::functions) {
            duties_zone.push_back(p.text);
        } else if (const Marker m = read_marker(p.text);
                   organisation && m.kind == Marker::Kind::arabic && char_count(p.text) <= 60 && !contains(p.text, "，")) {
            std::string name = trim(p.text.substr(m.length));
            if (ends_with(name, "。")) name.resize(name.size() - 3);
            listed_units.push_back({{"name", name}, {"note", nullptr}});
        } else {
            structure_zone.push_back(p.text);
            text.push_back(p.text);
        }
    }
    flush_duties();

    std::string structure_text;
    for (const std::string& s : structure_zone) structure_text += s + "\n";
    read_staffing(structure_text, overview);
    if (units.empty()) units = units_from_sentence(structure_text);
    if (units.empty()) units = listed_units;

    if (!duties.empty()) overview["duties"] = duties;
    if (!units.empty()) overview["consolidated_units"] = units;
    std::string joined;
    for (const std::string& t : text) joined += (joined.empty() ? "" : "\n") + t;
    if (!joined.empty()) overview["text"] = joined;
    return overview;
}

}  // namespace gongkai::import::structure
