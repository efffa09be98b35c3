#include "import/layout/text_flow.hpp"

#include <algorithm>
#include <cstdint>

#include "import/source/import_error.hpp"

namespace gongkai::import {

namespace {

// Length of the valid UTF-8 sequence at `i`, or 0 (RFC 3629: no overlong form, no surrogate, nothing past
// U+10FFFF — what nlohmann::json accepts when the filing is written).
std::size_t utf8_length(const std::string& s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n <= 1 || i + n > s.size()) return n == 1 ? 1 : 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return 0;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (n == 2 && c < 0xC2) return 0;                // overlong
    if (n == 3 && c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (n == 3 && c == 0xED && c1 >= 0xA0) return 0;  // a UTF-16 surrogate (U+D800–U+DFFF) is no character
    if (n == 4 && (c > 0xF4 || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))) return 0;  // overlong; past U+10FFFF
    return n;
}

// True when the bytes read as GB18030/GBK double-byte text: lead 0x81–0xFE, trail 0x40–0xFE.
bool looks_like_gb(const std::string& s) {
    std::size_t pairs = 0, bad = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) continue;
        if (c >= 0x81 && c <= 0xFE && i + 1 < s.size()) {
            const auto t = static_cast<unsigned char>(s[i + 1]);
            if ((t >= 0x40 && t <= 0xFE && t != 0x7F) || (t >= 0x30 && t <= 0x39)) {
                ++pairs, ++i;
                continue;
            }
        }
        ++bad;
    }
    return pairs > 0 && bad * 20 < pairs;
}

void check_encoding(const std::string& bytes) {
    std::size_t nul = 0;
    for (char c : bytes)
        if (c == '\0') ++nul;
    if (nul > 0) throw ImportError("the file is binary data, not text (it holds NUL bytes); give a PDF as .pdf");
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t n = utf8_length(bytes, i);
        if (n == 0) {
            if (looks_like_gb(bytes))
                throw ImportError("the text is encoded as GB18030/GBK, not UTF-8; convert it first: "
                                  "iconv -f GB18030 -t UTF-8 FILE > FILE.utf8.txt");
            throw ImportError("the text is not valid UTF-8 (first bad byte at offset " + std::to_string(i) + ")");
        }
        i += n;
    }
}

std::string trim(const std::string& s) {
    std::size_t a = 0, b = s.size();
    auto space_at = [&](std::size_t i) { return s[i] == ' ' || s[i] == '\r' || s[i] == '\t'; };
    while (a < b && space_at(a)) ++a;
    while (b > a && space_at(b - 1)) --b;
    // U+3000 IDEOGRAPHIC SPACE and U+00A0 around the text are layout, not content.
    for (;;) {
        if (b - a >= 3 && s.compare(a, 3, "\xE3\x80\x80") == 0) a += 3;
        else if (b - a >= 3 && s.compare(b - 3, 3, "\xE3\x80\x80") == 0) b -= 3;
        else if (b - a >= 2 && s.compare(a, 2, "\xC2\xA0") == 0) a += 2;
        else if (b - a >= 2 && s.compare(b - 2, 2, "\xC2\xA0") == 0) b -= 2;
        else break;
        while (a < b && space_at(a)) ++a;
        while (b > a && space_at(b - 1)) --b;
    }
    return s.substr(a, b - a);
}

}  // namespace

Flow text_flow(const std::string& raw, const std::string& file) {
    std::string bytes = raw;
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
    check_encoding(bytes);
    Flow flow;
    flow.kind = SourceKind::text;
    flow.file = file;
    flow.page_count = 1;
    int grid = -1, next_grid = 0, line_number = 0, page = 1;
    bool in_grid = false;
    bool any_text = false;
    // One piece of a line (a line holds several when a form feed starts a new page inside it).
    auto add_piece = [&](std::string line) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::string content = trim(line);
        if (content.empty()) return;  // blank lines neither end a table nor make lines of their own
        any_text = true;
        flow.page_count = std::max(flow.page_count, page);
        FlowLine fl;
        fl.page = page;
        fl.line_number = line_number;
        if (line.find('\t') != std::string::npos) {
            if (!in_grid) grid = next_grid++;
            in_grid = true;
            fl.kind = FlowLine::Kind::table_row;
            fl.grid = grid;
            std::size_t a = 0;
            int column = 0;
            for (;;) {
                const std::size_t t = line.find('\t', a);
                const std::string field = line.substr(a, t == std::string::npos ? std::string::npos : t - a);
                FlowCell cell;
                cell.text = trim(field);
                cell.column = column;
                cell.x0 = column;
                cell.x1 = column + 1;
                fl.cells.push_back(std::move(cell));
                ++column;
                if (t == std::string::npos) break;
                a = t + 1;
            }
            fl.grid_columns = column;
            std::string joined;
            for (std::size_t i = 0; i < fl.cells.size(); ++i) joined += (i ? "\t" : "") + fl.cells[i].text;
            fl.text = joined;
        } else {
            in_grid = false;
            fl.kind = FlowLine::Kind::text;
            fl.text = content;
        }
        flow.lines.push_back(std::move(fl));
    };
    std::size_t start = 0;
    while (start <= bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string::npos) end = bytes.size();
        const std::string line = bytes.substr(start, end - start);
        start = end + 1;
        ++line_number;
        // A form feed ends a page (pdftotext writes one after every page): the text after it is on the next.
        std::size_t a = 0;
        for (std::size_t ff = line.find('\f'); ff != std::string::npos; ff = line.find('\f', a)) {
            add_piece(line.substr(a, ff - a));
            a = ff + 1;
            ++page;
            flow.paged = true;
        }
        add_piece(line.substr(a));
    }
    if (!any_text) throw ImportError("the file is empty (it holds no text)");
    return flow;
}

}  // namespace gongkai::import
