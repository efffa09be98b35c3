#include "audit/comparison_text.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace gongkai {

namespace {

struct Word {
    const char* text;
    int direction;
    bool equality;  // a word of sameness (可带“基本”)
};

// The comparison words, longer before shorter where one starts another.
const std::vector<Word>& words() {
    static const std::vector<Word> list = {
        {"大于", 1, false}, {"高于", 1, false}, {"超过", 1, false}, {"超出", 1, false}, {"多于", 1, false},
        {"增加", 1, false}, {"增长", 1, false}, {"上升", 1, false}, {"提高", 1, false},
        {"小于", -1, false}, {"低于", -1, false}, {"少于", -1, false}, {"减少", -1, false}, {"下降", -1, false},
        {"降低", -1, false},
        {"等于", 0, true}, {"持平", 0, true}, {"一致", 0, true}, {"相同", 0, true}, {"相等", 0, true},
    };
    return list;
}

bool at(const std::string& s, std::size_t pos, const std::string& lit) { return s.compare(pos, lit.size(), lit) == 0; }

bool ends_at(const std::string& s, std::size_t end, const std::string& lit) {
    return end >= lit.size() && s.compare(end - lit.size(), lit.size(), lit) == 0;
}

// Length of the UTF-8 character starting at `pos` (1 for a stray byte).
std::size_t char_len(const std::string& s, std::size_t pos) {
    auto c = static_cast<unsigned char>(s[pos]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    return std::min(n, s.size() - pos);
}

const std::vector<std::string>& sentence_ends() {
    static const std::vector<std::string> list = {"。", "！", "？", "\n"};
    return list;
}
const std::vector<std::string>& clause_ends() {
    static const std::vector<std::string> list = {"。", "！", "？", "\n", "，", ",", "；", ";", "：", ":"};
    return list;
}

// Offset just after the last delimiter before `pos` (0 when none).
std::size_t back_to(const std::string& s, std::size_t pos, const std::vector<std::string>& delims) {
    std::size_t best = 0;
    for (const auto& d : delims) {
        std::size_t p = pos >= d.size() ? s.rfind(d, pos - d.size()) : std::string::npos;
        if (p != std::string::npos) best = std::max(best, p + d.size());
    }
    return best;
}

// Offset of the next delimiter at or after `pos` (its end when `include` is set); the text's end when none.
std::size_t forward_to(const std::string& s, std::size_t pos, const std::vector<std::string>& delims, bool include) {
    std::size_t best = s.size();
    for (const auto& d : delims) {
        std::size_t p = s.find(d, pos);
        if (p != std::string::npos) best = std::min(best, include ? p + d.size() : p);
    }
    return best;
}

bool is_blank_at(const std::string& s, std::size_t pos) { return s[pos] == ' ' || s[pos] == '\t' || at(s, pos, "　"); }

std::string trimmed(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_blank_at(s, b)) b += at(s, b, "　") ? 3 : 1;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || ends_at(s, e, "　"))) e -= ends_at(s, e, "　") ? 3 : 1;
    return s.substr(b, e - b);
}

// `pos` moved past blanks.
std::size_t skip_blanks(const std::string& s, std::size_t pos, std::size_t end) {
    while (pos < end && is_blank_at(s, pos)) pos += at(s, pos, "　") ? 3 : 1;
    return pos;
}

// True when a comparison word (or a parenthesis holding one) sits right after `pos`: a template's alternatives
// left unresolved, such as 增加（减少）.
bool alternative_follows(const std::string& s, std::size_t pos) {
    for (const char* open : {"（", "("})
        if (at(s, pos, open)) {
            std::size_t q = pos + std::string(open).size();
            for (const auto& w : words())
                if (at(s, q, w.text)) return true;
        }
    return false;
}

bool negated_before(const std::string& s, std::size_t pos) {
    for (const char* neg : {"未", "不", "没有", "无", "非"})
        if (ends_at(s, pos, neg)) return true;
    return false;
}

// The modifier making a sameness word approximate (基本持平), if one ends at `pos`.
std::size_t approx_modifier(const std::string& s, std::size_t pos) {
    for (const char* m : {"基本上", "基本", "大致", "大体", "总体"})
        if (ends_at(s, pos, m)) return std::string(m).size();
    return 0;
}

// The last occurrence of `lit` in [from, to), or npos.
std::size_t last_in(const std::string& s, const std::string& lit, std::size_t from, std::size_t to) {
    if (to < from + lit.size()) return std::string::npos;
    std::size_t p = s.rfind(lit, to - lit.size());
    return p != std::string::npos && p >= from ? p : std::string::npos;
}

// A 预算 named at `pos` (with its qualifier): its scope and the offset after it ("预算数"), or npos when none.
std::size_t budget_at(const std::string& s, std::size_t pos, std::size_t end, BudgetScope& scope) {
    scope = BudgetScope::Any;
    pos = skip_blanks(s, pos, end);
    for (const char* q : {"年初", "全年", "调整后的", "调整后", "调整"})
        if (at(s, pos, q)) {
            scope = std::string(q) == "年初" ? BudgetScope::Initial : BudgetScope::FullYear;
            pos += std::string(q).size();
            break;
        }
    if (!at(s, pos, "预算")) return std::string::npos;
    pos += std::string("预算").size();
    if (at(s, pos, "数")) pos += std::string("数").size();
    return pos;
}

// The prior-year marker (上年, 上一年度, 去年, 2023年度 for a 2024 filing) last printed in [from, to), or npos.
std::size_t prior_marker(const std::string& s, std::size_t from, std::size_t to, int year) {
    std::size_t best = std::string::npos;
    auto take = [&](std::size_t p) {
        if (p != std::string::npos && (best == std::string::npos || p > best)) best = p;
    };
    for (const char* m : {"上年", "上一年", "上一度", "上个年度", "去年"}) take(last_in(s, m, from, to));
    if (year > 0) {
        std::string y = std::to_string(year - 1);
        for (std::size_t p = s.find(y, from); p != std::string::npos && p + y.size() <= to; p = s.find(y, p + 1)) {
            bool digit_before = p > 0 && std::isdigit(static_cast<unsigned char>(s[p - 1]));
            if (!digit_before && at(s, skip_blanks(s, p + y.size(), to), "年")) take(p);
        }
    }
    return best;
}

// True when [from, to) holds an explanation, so that a word after it belongs to the reason, not the comparison.
bool reason_between(const std::string& s, std::size_t from, std::size_t to) {
    for (const char* r : {"原因", "因为", "由于", "主要是", "主要系", "用于"})
        if (last_in(s, r, from, to) != std::string::npos) return true;
    return false;
}

bool digit_follows(const std::string& s, std::size_t pos, std::size_t end) {
    pos = skip_blanks(s, pos, end);
    if (at(s, pos, "了")) pos = skip_blanks(s, pos + std::string("了").size(), end);
    return pos < end && std::isdigit(static_cast<unsigned char>(s[pos]));
}

// The statement a word at `w` makes, if it compares a 决算 with a 预算 or with last year.
bool classify(const Filing& f, const std::string& s, std::size_t w, const Word& word, ComparisonStatement& st) {
    std::size_t wend = w + std::string(word.text).size();
    std::size_t clause_b = back_to(s, w, clause_ends());
    std::size_t clause_e = forward_to(s, wend, clause_ends(), false);
    // 决算 … WORD (年初|全年)?预算 — the 决算 is the subject.
    std::size_t after = wend;
    if (at(s, after, "了")) after += std::string("了").size();
    BudgetScope scope;
    std::size_t actual_pos = last_in(s, "决算", clause_b, w);
    std::size_t budget_pos = last_in(s, "预算", clause_b, w);
    if (actual_pos != std::string::npos) {
        std::size_t object_end = budget_at(s, after, clause_e, scope);
        if (object_end != std::string::npos && (budget_pos == std::string::npos || budget_pos < actual_pos)) {
            st.kind = ComparisonStatement::Kind::BudgetActual;
            st.scope = scope;
            st.phrase = s.substr(actual_pos, object_end - actual_pos);
            return true;
        }
        // 决算 (与|同|较|比|和) (年初)?预算 … WORD: 决算数与预算数基本持平, 决算较年初预算减少X万元.
        if (budget_pos != std::string::npos && budget_pos > actual_pos) {
            for (const char* link : {"与", "同", "较", "比", "和"}) {
                std::size_t l = last_in(s, link, actual_pos, budget_pos + 1);
                if (l == std::string::npos) continue;
                std::size_t b = skip_blanks(s, l + std::string(link).size(), w);
                std::size_t object_end = budget_at(s, b, w, scope);
                if (object_end == std::string::npos) continue;
                if (prior_marker(s, actual_pos, w, f.year) != std::string::npos || reason_between(s, object_end, w)) return false;
                st.kind = ComparisonStatement::Kind::BudgetActual;
                st.scope = scope;
                st.phrase = s.substr(actual_pos, wend - actual_pos);
                return true;
            }
        }
    }
    // 预算 … WORD 决算 — the budget is the subject.
    if (budget_pos != std::string::npos && actual_pos == std::string::npos) {
        std::size_t b = skip_blanks(s, after, clause_e);
        for (const char* obj : {"支出决算", "决算"})
            if (at(s, b, obj)) {
                std::size_t start = budget_pos;
                budget_at(s, budget_pos, w, scope);
                for (const char* q : {"年初", "全年", "调整后的", "调整后", "调整"})
                    if (ends_at(s, budget_pos, q)) {
                        start = budget_pos - std::string(q).size();
                        scope = std::string(q) == "年初" ? BudgetScope::Initial : BudgetScope::FullYear;
                    }
                std::size_t end = b + std::string(obj).size();
                if (at(s, end, "数")) end += std::string("数").size();
                st.kind = ComparisonStatement::Kind::BudgetActual;
                st.budget_first = true;
                st.scope = scope;
                st.phrase = s.substr(start, end - start);
                return true;
            }
    }
    // Last year: a marker earlier in the sentence, no explanation in between, and the word followed by the
    // change (增加X万元) or itself saying “the same” (持平).
    std::size_t sentence_b = back_to(s, w, sentence_ends());
    std::size_t marker = prior_marker(s, sentence_b, w, f.year);
    if (marker == std::string::npos || reason_between(s, marker, w)) return false;
    if (budget_pos != std::string::npos && budget_pos > marker) return false;
    if (!word.equality && !digit_follows(s, wend, clause_e)) return false;
    st.kind = ComparisonStatement::Kind::PriorYear;
    st.phrase = s.substr(marker, wend - marker);
    return true;
}

}  // namespace

std::vector<NarrativeText> narrative_texts(const Filing& f) {
    std::vector<NarrativeText> out;
    for (const auto& s : f.sections) out.push_back({s.id, s.text});
    std::set<std::string> alone;
    for (const auto& fig : f.figures) {
        if (fig.sentence.empty() || alone.count(fig.sentence)) continue;
        bool found = false;
        for (const auto& s : f.sections)
            if (s.text.find(fig.sentence) != std::string::npos) found = true;
        if (found) continue;
        alone.insert(fig.sentence);
        out.push_back({fig.section, fig.sentence});
    }
    return out;
}

std::vector<std::vector<std::pair<std::size_t, std::size_t>>> figure_places(const Filing& f, const std::vector<NarrativeText>& texts) {
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> out(f.figures.size()), sentence_starts(f.figures.size());
    for (std::size_t i = 0; i < f.figures.size(); ++i) {
        const Figure& fig = f.figures[i];
        if (fig.sentence.empty()) continue;
        // The printed value inside its sentence (digits on neither side).
        std::size_t offset = 0;
        const std::string& v = fig.value.printed;
        for (std::size_t p = fig.sentence.find(v); !v.empty() && p != std::string::npos; p = fig.sentence.find(v, p + 1)) {
            bool left = p > 0 && (std::isdigit(static_cast<unsigned char>(fig.sentence[p - 1])) || fig.sentence[p - 1] == '.');
            std::size_t e = p + v.size();
            bool right = e < fig.sentence.size() && (std::isdigit(static_cast<unsigned char>(fig.sentence[e])) || fig.sentence[e] == '.');
            if (!left && !right) {
                offset = p;
                break;
            }
        }
        std::vector<std::pair<std::size_t, std::size_t>> starts;
        for (std::size_t t = 0; t < texts.size(); ++t) {
            const std::string& sec = texts[t].section;
            if (!fig.section.empty() && !sec.empty() && fig.section.rfind(sec, 0) != 0) continue;
            for (std::size_t p = texts[t].text.find(fig.sentence); p != std::string::npos; p = texts[t].text.find(fig.sentence, p + 1))
                starts.push_back({t, p});
        }
        // A sentence printed more than once (“完成年初预算的 100.00%。”): figures are listed in reading order, so
        // this one is the first occurrence from the previous figure's sentence on.
        if (starts.size() > 1 && i > 0 && !sentence_starts[i - 1].empty()) {
            auto [pt, pp] = sentence_starts[i - 1].front();
            for (const auto& [t, p] : starts)
                if (t == pt && p >= pp) {
                    starts = {{t, p}};
                    break;
                }
        }
        sentence_starts[i] = starts;
        for (const auto& [t, p] : starts) out[i].push_back({t, p + offset});
    }
    return out;
}

std::vector<ComparisonStatement> find_comparisons(const Filing& f, const std::vector<NarrativeText>& texts) {
    std::vector<ComparisonStatement> out;
    for (std::size_t t = 0; t < texts.size(); ++t) {
        const std::string& s = texts[t].text;
        for (std::size_t pos = 0; pos < s.size(); pos += char_len(s, pos)) {
            const Word* hit = nullptr;
            for (const auto& w : words())
                if (at(s, pos, w.text)) {
                    hit = &w;
                    break;
                }
            if (!hit) continue;
            std::size_t wend = pos + std::string(hit->text).size();
            if (negated_before(s, pos) || alternative_follows(s, wend) || ends_at(s, pos, "（") || ends_at(s, pos, "(")) continue;
            ComparisonStatement st;
            if (!classify(f, s, pos, *hit, st)) continue;
            std::size_t modifier = hit->equality ? approx_modifier(s, pos) : 0;
            st.text = t;
            st.word_begin = pos - modifier;
            st.word = s.substr(pos - modifier, wend - pos + modifier);
            st.direction = hit->direction;
            st.approximate = modifier > 0;
            st.sentence_begin = back_to(s, pos, sentence_ends());
            st.sentence_end = forward_to(s, wend, sentence_ends(), true);
            st.line_begin = back_to(s, pos, {"\n"});
            st.sentence = trimmed(s.substr(st.sentence_begin, st.sentence_end - st.sentence_begin));
            st.subject = s.substr(st.sentence_begin, pos - st.sentence_begin);
            out.push_back(std::move(st));
        }
    }
    // A direction recorded on a completion rate whose sentence states no such word (transcriptions that keep
    // the word only on the figure).
    auto places = figure_places(f, texts);
    for (std::size_t i = 0; i < f.figures.size(); ++i) {
        const Figure& fig = f.figures[i];
        int direction = fig.direction == "大于" ? 1 : fig.direction == "小于" ? -1 : fig.direction == "等于" || fig.direction == "持平" ? 0 : 2;
        if (direction == 2 || fig.metric.size() < 11 || fig.metric.compare(fig.metric.size() - 11, 11, ".completion") != 0) continue;
        bool stated = false;
        for (const auto& st : out)
            for (const auto& [t, p] : places[i])
                if (st.kind == ComparisonStatement::Kind::BudgetActual && st.text == t && p >= st.line_begin && p < st.sentence_end) stated = true;
        if (stated || places[i].empty()) continue;
        ComparisonStatement st;
        st.text = places[i].front().first;
        const std::string& s = texts[st.text].text;
        std::size_t p = places[i].front().second;
        st.sentence_begin = back_to(s, p, sentence_ends());
        st.sentence_end = forward_to(s, p, sentence_ends(), true);
        st.line_begin = back_to(s, p, {"\n"});
        st.word_begin = st.sentence_end;  // the amounts of the whole sentence are the statement's
        st.sentence = fig.sentence;
        st.word = fig.direction;
        st.phrase = "决算数" + fig.direction + "预算数";
        st.direction = direction;
        st.scope = fig.metric.find(".full_year.") != std::string::npos ? BudgetScope::FullYear : BudgetScope::Any;
        st.figure = static_cast<int>(i);
        out.push_back(std::move(st));
    }
    return out;
}

}  // namespace gongkai
