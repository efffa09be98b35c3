// The cover: "上海市普陀区财政局 / 2024年度部门决算", "2024年度 / 湘潭县人民政府办公室 / 部门决算",
// "上海市普陀区2025年区级部门预算 / 预算主管部门：上海市普陀区财政局", "江苏省委办公厅2019年度部门预算公开".
#include <algorithm>
#include <array>

#include "import/structure/part_readers.hpp"
#include "import/structure/structure_text.hpp"

namespace gongkai::import::structure {

namespace {

constexpr std::array<std::string_view, 6> kKindWords = {"部门决算", "单位决算", "部门预算", "单位预算", "决算", "预算"};

// Byte offset of the first kind word in `s`, or npos.
std::size_t first_kind_word(const std::string& s) {
    std::size_t best = std::string::npos;
    for (std::string_view w : kKindWords) best = std::min(best, s.find(w));
    return best;
}

// "决算", "预算" or "" from the words of a title; when both occur the later one names the document
// ("…预算执行情况的决算" is rare, "预算主管部门" lines are labels and read apart).
std::string kind_of(const std::string& s) {
    const std::size_t f = s.rfind("决算"), b = s.rfind("预算");
    if (f == std::string::npos && b == std::string::npos) return {};
    if (f == std::string::npos) return "预算";
    if (b == std::string::npos) return "决算";
    return f > b ? "决算" : "预算";
}

// The value of a "预算主管部门：X" / "部门：X" / "单位名称：X" label line, or "".
std::string department_label(const std::string& s) {
    for (std::string_view label : {"主管部门：", "主管部门:", "部门名称：", "单位名称：", "部门：", "部门:", "单位：", "单位:"}) {
        const std::size_t at = s.find(label);
        if (at == std::string::npos) continue;
        if (label.substr(0, 3) == "单" && at != 0) continue;
        const std::string value = s.substr(at + label.size());
        if (!value.empty() && !contains(value, "万元") && !contains(value, "元")) return value;
    }
    return {};
}

bool is_noise_line(const std::string& s) {
    // "附件 1:" (the publication notice's attachment label), a date, a page number.
    if (starts_with(s, "附件") && char_count(s) <= 6) return true;
    if (parse_count(s)) return true;
    const int y = find_year(s);
    if (y && ends_with(s, "日") && char_count(s) <= 12 && kind_of(s).empty()) return true;
    return false;
}

bool looks_like_university(const std::string& name) {
    if (contains(name, "党校") || contains(name, "行政学院") || contains(name, "社会主义学院") || contains(name, "干部学院"))
        return false;
    return ends_with(name, "大学") || contains(name, "高等学校") || contains(name, "高等专科学校") ||
           ends_with(name, "学院") || contains(name, "高校");
}

// The document in words, as a noun phrase for messages ("this is …, not a 部门决算").
std::string describe(const std::string& kind, const std::string& department, const std::string& all_titles) {
    if (kind == "预算") return "a 部门预算 (department budget)";
    if (kind == "决算") {
        if (looks_like_university(department) || contains(all_titles, "高等学校"))
            return "a 高等学校 决算 (final accounts of a university, published with four tables instead of nine)";
        if (contains(all_titles, "政府决算") || contains(all_titles, "总决算"))
            return "a 政府决算 (a government's general final accounts)";
        return "a 部门决算 (department final accounts)";
    }
    return "a document whose title names neither a 部门决算 (final accounts) nor a 部门预算 (budget)";
}

}  // namespace

CoverInfo read_cover(const Flow& flow, const std::vector<Part>& parts) {
    CoverInfo info;
    std::string label_department, concat;
    if (!parts.empty() && parts.front().kind == PartKind::cover) {
        int page = 0, taken = 0;
        for (std::size_t i : parts.front().lines) {
            const FlowLine& l = flow.lines[i];
            if (l.kind != FlowLine::Kind::text) continue;
            if (page == 0) page = l.page;
            if (l.page != page || taken >= 12) break;
            const std::string s = squeeze(l.text);
            if (s.empty() || is_noise_line(s)) continue;
            ++taken;
            if (const std::string d = department_label(s); !d.empty()) {
                if (label_department.empty()) label_department = d;
                continue;
            }
            concat += s;
        }
    }
    // Part headings name the department too: "第一部分 上海市普陀区财政局概况".
    std::string overview_department, headings;
    for (const Part& p : parts) {
        headings += squeeze(p.heading) + "\n";
        if (p.kind != PartKind::overview || !overview_department.empty()) continue;
        std::string h = squeeze(p.heading);
        if (const std::size_t at = h.find("部分"); starts_with(h, "第") && at != std::string::npos) h = h.substr(at + 6);
        if (ends_with(h, "概况")) h = h.substr(0, h.size() - 6);
        if (h.find_first_of("0123456789") == std::string::npos && char_count(h) >= 3 && h != "部门" && h != "单位")
            overview_department = h;
    }

    info.year = find_year(concat);
    std::string department;
    if (info.year) {
        const std::string y = std::to_string(info.year);
        const std::size_t at = concat.find(y);
        std::size_t end = concat.find("年", at) + 3;
        if (concat.compare(end, 3, "度") == 0) end += 3;
        const std::string before = concat.substr(0, at), year_words = concat.substr(at, end - at),
                          after = concat.substr(end);
        if (!before.empty()) {
            department = before;
            info.title = concat;
        } else {
            const std::size_t k = first_kind_word(after);
            department = after.substr(0, k == std::string::npos ? after.size() : k);
            info.title = department + year_words + after.substr(department.size());
        }
    } else if (!concat.empty()) {
        const std::size_t k = first_kind_word(concat);
        if (k != std::string::npos && k > 0) department = concat.substr(0, k);
        info.title = concat;
    }
    // A budget's cover names the district, its label the department ("预算主管部门：上海市普陀区财政局").
    if (!label_department.empty()) department = label_department;
    if (department.empty()) department = overview_department;
    info.department = department;

    info.kind = kind_of(concat);
    if (info.kind.empty()) info.kind = kind_of(headings);
    if (info.kind.empty()) {
        // Neither the cover nor a part heading says it: the first text line that names the document does.
        for (const FlowLine& l : flow.lines) {
            if (l.kind != FlowLine::Kind::text) continue;
            const std::string s = squeeze(l.text);
            const bool f = contains(s, "部门决算"), b = contains(s, "部门预算");
            if (f != b) {
                info.kind = f ? "决算" : "预算";
                break;
            }
        }
    }
    if (info.year == 0) info.year = find_year(headings);
    if (info.year == 0) {
        // The first line naming the document with its year ("2024年度部门决算").
        for (const FlowLine& l : flow.lines) {
            if (l.kind != FlowLine::Kind::text) continue;
            const std::string s = squeeze(l.text);
            if ((contains(s, "部门决算") || contains(s, "部门预算")) && find_year(s)) {
                info.year = find_year(s);
                break;
            }
        }
    }
    info.description = describe(info.kind, info.department, concat + headings);
    return info;
}

}  // namespace gongkai::import::structure
