#include "validate/decode_filing.hpp"

#include <algorithm>
#include <set>

#include "validate/json_reader.hpp"
#include "validate/table_vocabulary.hpp"

namespace gongkai {

namespace {

// Hand-written checks rather than std::regex: libstdc++'s regex recurses per character and can overflow
// the stack on hostile input of a few hundred kilobytes.
bool is_code(const std::string& s) {
    if (s.size() != 3 && s.size() != 5 && s.size() != 7) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// ^[a-z0-9_]+(\.[a-z0-9_]+)*$ with at most 100 characters.
bool is_metric_id(const std::string& s) {
    if (s.empty() || s.size() > 100 || s.front() == '.' || s.back() == '.') return false;
    char prev = 0;
    for (char c : s) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
        if (!ok || (c == '.' && prev == '.')) return false;
        prev = c;
    }
    return true;
}

std::string list_of(const std::vector<std::string_view>& v) {
    std::string s;
    for (auto x : v) s += (s.empty() ? "" : ", ") + std::string(x);
    return s;
}

// The highest page number a table's "page" may name (no published 部门决算 comes near it).
constexpr long long kMaxSourcePage = 100'000;

bool contains(const std::vector<std::string_view>& v, std::string_view x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

class FilingDecoder {
public:
    FilingDecoder(const JsonFile& file, const FilingPath& where, ProblemList& problems)
        : file_(file), where_(where), r_(file.path, problems), problems_(problems) {}

    std::optional<Filing> run() {
        std::size_t before = problems_.size();
        const json& doc = file_.doc;
        if (!r_.expect_object(doc, "")) return std::nullopt;
        r_.reject_unknown(doc, "", {"format", "synthetic", "county", "department", "year", "kind", "unit", "source",
                                    "overview", "tables", "narrative", "glossary", "attachments", "parts"});
        Filing f;
        f.path = file_.path;
        f.county_dir = where_.county_dir;
        if (auto fmt = r_.string(doc, "", "format", true)) {
            if (*fmt == "gongkai-filing/1") version_ = 1;
            else if (*fmt == "gongkai-filing/2") version_ = 2;
            else r_.fail("/format", "\"gongkai-filing/2\" (or \"gongkai-filing/1\")", "\"" + *fmt + "\"");
        }
        if (const json* s = r_.member(doc, "", "synthetic", false)) {
            if (s->is_boolean()) f.synthetic = s->get<bool>();
            else r_.fail("/synthetic", "true or false", describe_json(*s));
        }
        county(doc, f);
        department(doc, f);
        if (auto y = r_.integer(doc, "", "year", true, 2000, 2100)) {
            f.year = static_cast<int>(*y);
            if (f.year != where_.year)
                r_.fail("/year", "the year of the folder the filing is in (" + std::to_string(where_.year) + ")", std::to_string(f.year));
        }
        if (auto k = r_.one_of(doc, "", "kind", true, {"决算", "预算"})) {
            f.kind = *k;
            // The file name says the kind too: <slug>.budget.json holds a 预算, <slug>.json a 决算.
            if (f.kind != where_.kind)
                r_.fail("/kind", where_.kind == "预算" ? "\"预算\" in a <slug>.budget.json file" : "\"决算\" in a <slug>.json file (a 预算 goes in <slug>.budget.json)",
                        "\"" + f.kind + "\"");
        }
        if (auto u = r_.one_of(doc, "", "unit", true, {"万元", "元"})) f.unit = *u;
        source(doc, f);
        overview(doc, f);
        tables(doc, f);
        narrative(doc, f);
        glossary(doc, f);
        attachments(doc, f);
        parts(doc, f);
        if (problems_.size() != before) return std::nullopt;
        return f;
    }

private:
    void county(const json& doc, Filing& f) {
        const json* c = r_.member(doc, "", "county", true);
        if (!c || !r_.expect_object(*c, "/county")) return;
        r_.reject_unknown(*c, "/county", {"name", "code", "province"});
        if (auto n = r_.name(*c, "/county", "name", true)) f.county.name = *n;
        if (auto p = r_.name(*c, "/county", "province", true)) f.county.province = *p;
        if (auto code = r_.string(*c, "/county", "code", true)) {
            if (!is_division_code(*code)) r_.fail("/county/code", "a 6-digit division code such as \"430321\"", "\"" + *code + "\"");
            else if (where_.county_dir.rfind(*code + "-", 0) != 0)
                r_.fail("/county/code", "the code of the county folder (" + where_.county_dir.substr(0, 6) + ")", "\"" + *code + "\"");
            f.county.code = *code;
        }
    }

    void department(const json& doc, Filing& f) {
        const json* d = r_.member(doc, "", "department", true);
        if (!d || !r_.expect_object(*d, "/department")) return;
        r_.reject_unknown(*d, "/department", {"name", "slug"});
        if (auto n = r_.name(*d, "/department", "name", true)) f.department_name = *n;
        if (auto s = r_.string(*d, "/department", "slug", true)) {
            if (!is_valid_slug(*s))
                r_.fail("/department/slug", "a slug of lower-case a-z, 0-9 and single dashes (no '/', '..' or spaces)", "\"" + describe_found(*s) + "\"");
            else if (*s != where_.slug)
                r_.fail("/department/slug", "the file name without .json (\"" + where_.slug + "\")", "\"" + *s + "\"");
            f.slug = *s;
        }
    }

    void source(const json& doc, Filing& f) {
        const json* s = r_.member(doc, "", "source", true);
        if (!s || !r_.expect_object(*s, "/source")) return;
        r_.reject_unknown(*s, "/source", {"title", "publisher", "url", "file", "published"});
        if (auto v = r_.name(*s, "/source", "title", true)) f.source.title = *v;
        if (auto v = r_.name(*s, "/source", "publisher", true)) f.source.publisher = *v;
        if (auto v = r_.string(*s, "/source", "url", false)) f.source.url = *v;
        if (auto v = r_.string(*s, "/source", "file", false)) f.source.file = *v;
        if (auto v = r_.string(*s, "/source", "published", false)) f.source.published = *v;
        if (!f.source.url.empty() && f.source.url.rfind("https://", 0) != 0 && f.source.url.rfind("http://", 0) != 0)
            r_.fail("/source/url", "an http(s) URL", "\"" + describe_found(f.source.url) + "\"");
    }

    std::vector<std::string> string_array(const json& obj, const std::string& ptr, const char* key) {
        std::vector<std::string> out;
        const json* a = r_.member(obj, ptr, key, false);
        std::string p = pointer_join(ptr, key);
        if (!a || !r_.expect_array(*a, p)) return out;
        for (std::size_t i = 0; i < a->size(); ++i) {
            const json& v = (*a)[i];
            if (!v.is_string() || v.get<std::string>().empty()) r_.fail(pointer_join(p, i), "a non-empty string", describe_json(v));
            else out.push_back(v.get<std::string>());
        }
        return out;
    }

    std::optional<int> count(const json& obj, const std::string& ptr, const char* key) {
        auto v = r_.integer(obj, ptr, key, false, 0, 10'000'000);
        if (!v) return std::nullopt;
        return static_cast<int>(*v);
    }

    void overview(const json& doc, Filing& f) {
        const json* o = r_.member(doc, "", "overview", true);
        const std::string p = "/overview";
        if (!o || !r_.expect_object(*o, p)) return;
        r_.reject_unknown(*o, p, {"duties", "internal_units", "staffing", "vehicles", "consolidated_units", "text"});
        Overview& ov = f.overview;
        ov.duties = string_array(*o, p, "duties");
        if (auto t = r_.string(*o, p, "text", false, false)) ov.text = *t;
        if (const json* iu = r_.member(*o, p, "internal_units", false); iu && r_.expect_object(*iu, p + "/internal_units")) {
            r_.reject_unknown(*iu, p + "/internal_units", {"count", "names"});
            ov.internal_unit_count = count(*iu, p + "/internal_units", "count");
            ov.internal_unit_names = string_array(*iu, p + "/internal_units", "names");
        }
        if (const json* st = r_.member(*o, p, "staffing", false); st && r_.expect_object(*st, p + "/staffing")) {
            std::string sp = p + "/staffing";
            r_.reject_unknown(*st, sp, {"authorized_total", "authorized", "actual"});
            ov.staff_authorized_total = count(*st, sp, "authorized_total");
            ov.staff_actual = count(*st, sp, "actual");
            if (const json* a = r_.member(*st, sp, "authorized", false); a && r_.expect_array(*a, sp + "/authorized")) {
                for (std::size_t i = 0; i < a->size(); ++i) {
                    std::string ip = pointer_join(sp + "/authorized", i);
                    if (!r_.expect_object((*a)[i], ip)) continue;
                    r_.reject_unknown((*a)[i], ip, {"type", "count"});
                    auto type = r_.string((*a)[i], ip, "type", true);
                    auto n = r_.integer((*a)[i], ip, "count", true, 0, 10'000'000);
                    if (type && n) ov.staff_authorized.push_back({*type, static_cast<int>(*n)});
                }
            }
        }
        if (const json* v = r_.member(*o, p, "vehicles", false); v && r_.expect_object(*v, p + "/vehicles")) {
            r_.reject_unknown(*v, p + "/vehicles", {"authorized", "actual"});
            ov.vehicles_authorized = count(*v, p + "/vehicles", "authorized");
            ov.vehicles_actual = count(*v, p + "/vehicles", "actual");
        }
        if (const json* cu = r_.member(*o, p, "consolidated_units", false); cu && r_.expect_array(*cu, p + "/consolidated_units")) {
            for (std::size_t i = 0; i < cu->size(); ++i) {
                std::string ip = pointer_join(p + "/consolidated_units", i);
                if (!r_.expect_object((*cu)[i], ip)) continue;
                r_.reject_unknown((*cu)[i], ip, {"name", "note"});
                ConsolidatedUnit u;
                if (auto n = r_.name((*cu)[i], ip, "name", true)) u.name = *n;
                if (auto n = r_.string((*cu)[i], ip, "note", false, false)) u.note = *n;
                ov.consolidated_units.push_back(u);
            }
        }
    }

    // Parses an amount cell; `yuan` converts a 元 table into the filing's 万元 millionths.
    Cell amount(const json& v, const std::string& ptr, bool yuan, bool allow_negative) {
        if (v.is_null()) return std::nullopt;
        if (!v.is_string()) {
            r_.fail(ptr, "an amount as decimal text such as \"1577.61\" (or null for a blank cell)", describe_json(v),
                    v.is_number() ? "amounts are strings so that printed precision is kept exactly" : "");
            return std::nullopt;
        }
        auto d = parse_decimal(v.get<std::string>());
        if (!d) {
            r_.fail(ptr, "decimal text such as \"1577.61\" or \"2,940.05\", with at most 6 decimals and below 1,000,000,000,000",
                    describe_json(v));
            return std::nullopt;
        }
        if (d->micro < 0 && !allow_negative) {
            r_.fail(ptr, "a non-negative amount (only balances may be negative)", describe_json(v));
            return std::nullopt;
        }
        if (yuan) {
            if (d->decimals > 2) {
                r_.fail(ptr, "at most 2 decimals in a table in 元", describe_json(v));
                return std::nullopt;
            }
            d->micro /= 10'000;  // 元 -> 万元 (exact: 1 元 = 100 millionths of 万元)
            d->decimals += 4;    // the same printed precision, counted in 万元 (0.01 元 = 0.000001 万元)
        }
        return d;
    }

    void tables(const json& doc, Filing& f) {
        const json* ts = r_.member(doc, "", "tables", true);
        if (!ts || !r_.expect_array(*ts, "/tables")) return;
        std::set<TableKind> seen;
        for (std::size_t i = 0; i < ts->size(); ++i) {
            std::string tp = pointer_join("/tables", i);
            const json& t = (*ts)[i];
            if (!r_.expect_object(t, tp)) continue;
            r_.reject_unknown(t, tp, {"kind", "number", "title", "unit", "page", "blocks", "notes", "empty_explanation", "absent"});
            Table table;
            table.pointer = tp;
            auto kind_name = r_.string(t, tp, "kind", true);
            if (!kind_name) continue;
            // A 决算 holds 决算 tables, a 预算 budget tables (docs/filing-format.md).
            const auto& allowed = table_kinds_of(f.kind);
            auto kind = table_kind_from_id(*kind_name);
            if (!kind || std::find(allowed.begin(), allowed.end(), *kind) == allowed.end()) {
                std::vector<std::string_view> names;
                for (auto k : allowed) names.push_back(table_kind_id(k));
                r_.fail(tp + "/kind", "for a " + (f.kind.empty() ? std::string("决算") : f.kind) + " one of " + list_of(names),
                        "\"" + *kind_name + "\"");
                continue;
            }
            if (!seen.insert(*kind).second) {
                r_.fail(tp + "/kind", "each table kind once per filing", "a second \"" + *kind_name + "\" table");
                continue;
            }
            table.kind = *kind;
            if (auto v = r_.name(t, tp, "title", true)) table.title = *v;
            if (auto v = r_.string(t, tp, "number", false)) table.number = *v;
            table.unit = f.unit.empty() ? "万元" : f.unit;
            if (auto v = r_.one_of(t, tp, "unit", false, {"万元", "元"})) table.unit = *v;
            if (auto v = r_.string(t, tp, "empty_explanation", false, false)) table.empty_explanation = *v;
            table.notes = string_array(t, tp, "notes");
            if (const json* a = r_.member(t, tp, "absent", false)) {
                if (!a->is_boolean()) r_.fail(tp + "/absent", "true or false", describe_json(*a));
                else if (version_ < 2 && a->get<bool>()) r_.fail(tp + "/absent", "no \"absent\" in gongkai-filing/1 (use gongkai-filing/2)", "true");
                else table.absent = a->get<bool>();
            }
            // The page of the source document on which the table starts (optional; null = unknown).
            if (auto pg = r_.integer(t, tp, "page", false, 1, kMaxSourcePage)) table.page = static_cast<int>(*pg);
            if (table.absent && table.page)
                r_.fail(tp + "/page", "no page for a table the publication does not print (\"absent\": true)", std::to_string(*table.page));
            if (table.absent) {
                // The publication does not print this table: it has no blocks.
                if (const json* bs = r_.member(t, tp, "blocks", false); bs && !(bs->is_array() && bs->empty()))
                    r_.fail(tp + "/blocks", "no blocks (or an empty array) for a table the publication does not print", describe_json(*bs));
            } else {
                blocks(t, tp, table);
            }
            f.tables.push_back(std::move(table));
        }
        // A 决算 publishes all nine standard tables (an empty one still appears, with its explanation).
        if (f.kind == "决算") {
            std::string missing;
            for (auto k : all_table_kinds())
                if (!seen.count(k)) missing += (missing.empty() ? "" : ", ") + std::string(table_kind_id(k));
            if (!missing.empty()) r_.fail("/tables", "all nine tables of a 决算", "no table of kind " + missing);
        }
    }

    void blocks(const json& t, const std::string& tp, Table& table) {
        const json* bs = r_.member(t, tp, "blocks", true);
        if (!bs || !r_.expect_array(*bs, tp + "/blocks")) return;
        if (bs->empty()) r_.fail(tp + "/blocks", "at least one block", "an empty array");
        const auto& vocab = vocabulary_for(table.kind);
        std::set<std::string> seen;
        for (std::size_t i = 0; i < bs->size(); ++i) {
            std::string bp = pointer_join(tp + "/blocks", i);
            const json& b = (*bs)[i];
            if (!r_.expect_object(b, bp)) continue;
            r_.reject_unknown(b, bp, {"id", "title", "columns", "rows"});
            auto id = r_.string(b, bp, "id", true);
            if (!id) continue;
            const BlockVocabulary* bv = nullptr;
            std::vector<std::string_view> ids;
            for (const auto& v : vocab) {
                ids.push_back(v.block);
                if (v.block == *id) bv = &v;
            }
            if (!bv) {
                r_.fail(bp + "/id", "for a " + std::string(table_kind_id(table.kind)) + " table one of " + list_of(ids), "\"" + *id + "\"");
                continue;
            }
            if (!seen.insert(*id).second) {
                r_.fail(bp + "/id", "each block once per table", "a second \"" + *id + "\" block");
                continue;
            }
            Block block;
            block.id = *id;
            if (auto v = r_.name(b, bp, "title", false, false)) block.title = *v;
            columns(b, bp, *bv, block);
            rows(b, bp, *bv, table, block);
            block.index_rows();
            table.blocks.push_back(std::move(block));
        }
    }

    void columns(const json& b, const std::string& bp, const BlockVocabulary& bv, Block& block) {
        const json* cs = r_.member(b, bp, "columns", true);
        if (!cs || !r_.expect_array(*cs, bp + "/columns")) return;
        if (cs->empty()) r_.fail(bp + "/columns", "at least one column", "an empty array");
        for (std::size_t i = 0; i < cs->size(); ++i) {
            std::string cp = pointer_join(bp + "/columns", i);
            if (!r_.expect_object((*cs)[i], cp)) continue;
            r_.reject_unknown((*cs)[i], cp, {"id", "label"});
            auto id = r_.string((*cs)[i], cp, "id", true);
            auto label = r_.name((*cs)[i], cp, "label", true);
            if (!id || !label) continue;
            if (!contains(bv.columns, *id)) {
                r_.fail(cp + "/id", "a column id of this block: " + list_of(bv.columns), "\"" + *id + "\"");
                continue;
            }
            if (block.column_index(*id) >= 0) {
                r_.fail(cp + "/id", "each column id once per block", "a second \"" + *id + "\"");
                continue;
            }
            block.columns.push_back({*id, *label});
        }
    }

    void rows(const json& b, const std::string& bp, const BlockVocabulary& bv, const Table& table, Block& block) {
        const json* rs = r_.member(b, bp, "rows", true);
        if (!rs || !r_.expect_array(*rs, bp + "/rows")) return;
        if (rs->size() > kMaxRowsPerBlock) {
            r_.fail(bp + "/rows", "at most " + std::to_string(kMaxRowsPerBlock) + " rows in one block",
                    std::to_string(rs->size()) + " rows");
            return;
        }
        const bool yuan = table.unit == "元";
        for (std::size_t i = 0; i < rs->size(); ++i) {
            std::string rp = pointer_join(bp + "/rows", i);
            const json& r = (*rs)[i];
            if (!r_.expect_object(r, rp)) continue;
            r_.reject_unknown(r, rp, {"key", "code", "line", "name", "values"});
            Row row;
            if (auto n = r_.name(r, rp, "name", true, false)) row.name = *n;
            if (auto k = r_.string(r, rp, "key", false)) {
                if (!contains(bv.row_keys, *k)) r_.fail(rp + "/key", "a row key of this block: " + list_of(bv.row_keys), "\"" + *k + "\"");
                row.key = *k;
            }
            if (auto c = r_.string(r, rp, "code", false)) {
                if (!is_code(*c)) r_.fail(rp + "/code", "a 3-, 5- or 7-digit code without spaces, e.g. \"2010301\"", "\"" + *c + "\"");
                row.code = *c;
            }
            if (row.key.empty() && row.code.empty()) r_.fail(rp, "a row with a \"code\" or a \"key\"", "neither");
            if (!row.key.empty() && !row.code.empty()) r_.fail(rp, "a row with a \"code\" or a \"key\", not both", "both");
            if (auto l = r_.integer(r, rp, "line", false, 1, 1000)) row.line = static_cast<int>(*l);
            row.cells.resize(block.columns.size());
            const json* vs = r_.member(r, rp, "values", true);
            if (vs && r_.expect_object(*vs, rp + "/values")) {
                for (auto it = vs->begin(); it != vs->end(); ++it) {
                    std::string vp = pointer_join(rp + "/values", it.key());
                    int ci = block.column_index(it.key());
                    if (ci < 0) {
                        std::vector<std::string_view> ids;
                        for (const auto& c : block.columns) ids.push_back(c.id);
                        r_.fail(vp, "a value for one of the block's columns (" + list_of(ids) + ")", "a value for \"" + it.key() + "\"");
                        continue;
                    }
                    bool negative_ok = row_key_allows_negative(row.key) || it.key().find("balance") != std::string::npos;
                    row.cells[static_cast<std::size_t>(ci)] = amount(it.value(), vp, yuan, negative_ok);
                }
            }
            block.rows.push_back(std::move(row));
        }
    }

    void narrative(const json& doc, Filing& f) {
        const json* n = r_.member(doc, "", "narrative", true);
        if (!n || !r_.expect_object(*n, "/narrative")) return;
        r_.reject_unknown(*n, "/narrative", {"sections", "figures"});
        if (const json* ss = r_.member(*n, "/narrative", "sections", false); ss && r_.expect_array(*ss, "/narrative/sections")) {
            for (std::size_t i = 0; i < ss->size(); ++i) {
                std::string sp = pointer_join("/narrative/sections", i);
                if (!r_.expect_object((*ss)[i], sp)) continue;
                r_.reject_unknown((*ss)[i], sp, {"id", "title", "text"});
                NarrativeSection s;
                if (auto v = r_.string((*ss)[i], sp, "id", false, false)) s.id = *v;
                if (auto v = r_.name((*ss)[i], sp, "title", true)) s.title = *v;
                if (auto v = r_.string((*ss)[i], sp, "text", true, false)) s.text = *v;
                f.sections.push_back(std::move(s));
            }
        }
        const json* fs = r_.member(*n, "/narrative", "figures", true);
        if (!fs || !r_.expect_array(*fs, "/narrative/figures")) return;
        for (std::size_t i = 0; i < fs->size(); ++i) {
            std::string fp = pointer_join("/narrative/figures", i);
            const json& j = (*fs)[i];
            if (!r_.expect_object(j, fp)) continue;
            r_.reject_unknown(j, fp, {"metric", "code", "value", "unit", "direction", "section", "sentence"});
            Figure fig;
            if (auto m = r_.string(j, fp, "metric", true)) {
                if (!is_metric_id(*m)) r_.fail(fp + "/metric", "a dotted metric id such as \"gb.item.completion\" (at most 100 characters)", "\"" + *m + "\"");
                fig.metric = *m;
            }
            if (auto c = r_.string(j, fp, "code", false)) {
                if (!is_code(*c)) r_.fail(fp + "/code", "a 3-, 5- or 7-digit code", "\"" + *c + "\"");
                fig.code = *c;
            }
            if (const json* v = r_.member(j, fp, "value", true)) {
                std::optional<Decimal> d;
                if (v->is_string()) d = parse_decimal(v->get<std::string>());
                if (!d) r_.fail(fp + "/value", "the printed number as decimal text such as \"5.53\"", describe_json(*v));
                else fig.value = *d;
            }
            if (auto u = r_.one_of(j, fp, "unit", true, {"万元", "元", "%", "人", "名", "个", "辆", "台", "台（套）", "人次", "项", "分", "家"})) fig.unit = *u;
            if (auto d = r_.one_of(j, fp, "direction", false, {"增加", "减少", "持平", "一致", "增长", "下降", "上升", "大于", "小于", "等于"})) fig.direction = *d;
            if (auto s = r_.string(j, fp, "section", false, false)) fig.section = *s;
            if (auto s = r_.string(j, fp, "sentence", true)) fig.sentence = *s;
            f.figures.push_back(std::move(fig));
        }
    }

    void glossary(const json& doc, Filing& f) {
        const json* g = r_.member(doc, "", "glossary", false);
        if (!g || !r_.expect_array(*g, "/glossary")) return;
        for (std::size_t i = 0; i < g->size(); ++i) {
            std::string gp = pointer_join("/glossary", i);
            if (!r_.expect_object((*g)[i], gp)) continue;
            r_.reject_unknown((*g)[i], gp, {"term", "definition"});
            GlossaryEntry e;
            if (auto v = r_.name((*g)[i], gp, "term", false)) e.term = *v;
            if (auto v = r_.string((*g)[i], gp, "definition", true)) e.definition = *v;
            f.glossary.push_back(std::move(e));
        }
    }

    // gongkai-filing/2: the document's part headings as printed ("第二部分" "部门决算表").
    void parts(const json& doc, Filing& f) {
        const json* ps = r_.member(doc, "", "parts", false);
        if (!ps) return;
        if (version_ < 2) return r_.fail("/parts", "no \"parts\" in gongkai-filing/1 (use gongkai-filing/2)", "an array");
        if (!r_.expect_array(*ps, "/parts")) return;
        for (std::size_t i = 0; i < ps->size(); ++i) {
            std::string pp = pointer_join("/parts", i);
            if (!r_.expect_object((*ps)[i], pp)) continue;
            r_.reject_unknown((*ps)[i], pp, {"number", "title"});
            Part part;
            if (auto v = r_.string((*ps)[i], pp, "number", false)) part.number = *v;
            if (auto v = r_.name((*ps)[i], pp, "title", true)) part.title = *v;
            f.parts.push_back(std::move(part));
        }
    }

    void attachments(const json& doc, Filing& f) {
        const json* a = r_.member(doc, "", "attachments", false);
        if (!a || !r_.expect_array(*a, "/attachments")) return;
        for (std::size_t i = 0; i < a->size(); ++i) {
            std::string ap = pointer_join("/attachments", i);
            if (!r_.expect_object((*a)[i], ap)) continue;
            r_.reject_unknown((*a)[i], ap, {"title", "text"});
            Attachment at;
            if (auto v = r_.name((*a)[i], ap, "title", true)) at.title = *v;
            if (auto v = r_.string((*a)[i], ap, "text", true, false)) at.text = *v;
            f.attachments.push_back(std::move(at));
        }
    }

    int version_ = 1;  // 1 or 2, from "format"
    const JsonFile& file_;
    const FilingPath& where_;
    JsonReader r_;
    ProblemList& problems_;
};

}  // namespace

std::optional<Filing> decode_filing(const JsonFile& file, const FilingPath& where, ProblemList& problems) {
    return FilingDecoder(file, where, problems).run();
}

}  // namespace gongkai
