#include "import/importer.hpp"

#include <boost/filesystem.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>

#include "audit/audit.hpp"
#include "import/amount_accounting.hpp"
#include "import/layout/html_flow.hpp"
#include "import/layout/pdf_flow.hpp"
#include "import/layout/text_flow.hpp"
#include "import/source/import_error.hpp"
#include "import/source/pdf_reader.hpp"
#include "import/structure/document_structure.hpp"
#include "import/tables/table_titles.hpp"
#include "load/data_dir.hpp"
#include "load/json_file.hpp"
#include "validate/decode_county.hpp"
#include "validate/decode_filing.hpp"
#include "validate/json_reader.hpp"

namespace gongkai::import {

namespace fs = boost::filesystem;
using ojson = nlohmann::ordered_json;

namespace {

// Refuses `name` (a department's name or a title read from the document, described by `what`) when the
// format could not take it as a name (validate/json_reader.hpp): the document's problem, not the import's.
void check_name(const std::string& name, const std::string& what) {
    if (auto breach = text_bound_breach(name, true))
        throw ImportError(what + " read from the document: expected " + breach->expected + ", found " + breach->found);
}

constexpr std::size_t kMaxInputBytes = std::size_t{256} << 20;

std::string read_bytes(const std::string& path) {
    boost::system::error_code ec;
    if (fs::is_directory(path, ec)) throw ImportError("it is a folder, not a document");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportError("the file cannot be opened (missing or not readable)");
    std::string bytes;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        bytes.append(buf, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > kMaxInputBytes)
            throw ImportError("the file is larger than " + std::to_string(kMaxInputBytes >> 20) + " MiB; a 部门决算 is far smaller");
    }
    return bytes;
}

bool is_pdf(const std::string& bytes) {
    const auto at = bytes.find("%PDF-");
    return at != std::string::npos && at < 1024;
}

std::size_t word_count(const Flow& flow) {
    std::size_t n = 0;
    for (const auto& l : flow.lines) n += l.text.empty() ? 0 : 1;
    return n;
}

// The source.file of the filing: the path under a "disclosures" folder when the document lies in one,
// else the file name.
std::string source_file_name(const std::string& path) {
    const std::string marker = "/disclosures/";
    if (auto at = path.rfind(marker); at != std::string::npos) return path.substr(at + marker.size());
    return fs::path(path).filename().string();
}

// The unit most tables print, "万元" by default.
std::string main_unit(const nlohmann::json& tables) {
    std::map<std::string, int> count;
    for (const auto& t : tables)
        if (t.contains("unit") && t["unit"].is_string()) ++count[t["unit"].get<std::string>()];
    std::string best = "万元";
    int n = 0;
    for (const auto& [u, c] : count)
        if ((u == "万元" || u == "元") && c > n) best = u, n = c;
    return best;
}

ojson sections_json(const std::vector<NarrativeSection>& sections) {
    ojson out = ojson::array();
    for (const auto& s : sections) out.push_back({{"id", s.id}, {"title", s.title}, {"text", s.text}});
    return out;
}

// Puts the filing's members in the order the hand-made filings use, so that files read naturally.
ojson assemble(const DocumentStructure& st, const TablesResult& tables, const NarrativeResult& narrative,
               const CountyInfo& county, const std::string& slug, const std::string& path, const std::string& kind) {
    ojson f;
    f["format"] = "gongkai-filing/2";
    f["county"] = {{"name", county.name}, {"code", county.code}, {"province", county.province}};
    f["department"] = {{"name", st.department_name}, {"slug", slug}};
    f["year"] = st.year;
    f["kind"] = kind;
    // A budget's tables each say their unit (Shanghai's in 元, its 三公 table in 万元); its narrative is in 万元.
    f["unit"] = kind == "预算" ? std::string("万元") : main_unit(tables.tables);
    const std::string title =
        !st.title.empty() ? st.title : st.department_name + std::to_string(st.year) + (kind == "预算" ? "年部门预算" : "年度部门决算");
    f["source"] = {{"title", title}, {"publisher", st.department_name}, {"url", nullptr}, {"file", source_file_name(path)},
                   {"published", nullptr}};
    f["overview"] = ojson::parse(st.overview.dump());
    f["tables"] = ojson::parse(tables.tables.dump());
    f["narrative"] = {{"sections", sections_json(st.sections)}, {"figures", ojson::parse(narrative.figures.dump())}};
    f["glossary"] = ojson::parse(st.glossary.dump());
    f["attachments"] = ojson::parse(st.attachments.dump());
    if (!st.parts.empty()) {
        ojson parts = ojson::array();
        for (const auto& p : st.parts) {
            ojson part;
            if (!p.number.empty()) part["number"] = p.number;
            part["title"] = p.title;
            parts.push_back(part);
        }
        f["parts"] = parts;
    }
    return f;
}

// The standard title of a table kind, for a table the publication does not print.
std::string standard_title(const std::string& kind) {
    auto k = table_kind_from_id(kind);
    return k ? std::string(standard_table_title(*k)) : kind;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

// Decodes the assembled filing as `gongkai build` would.
std::optional<Filing> check_filing(const ojson& filing, const std::string& path, const FilingPath& where, ProblemList& problems) {
    JsonFile jf{path, filing.dump(), nlohmann::json::parse(filing.dump())};
    return decode_filing(jf, where, problems);
}

// A printed table value the format cannot hold (a negative amount outside a balance, an amount beyond the
// format's bounds) is taken out of its cell — left blank — and reported with the format's reason, so that
// the rest of the document is still imported and nothing is silently changed. True when it moved any.
bool move_unholdable_cells(ojson& filing, const ProblemList& problems, std::vector<Unplaced>& unplaced) {
    bool moved = false;
    for (const auto& p : problems.items()) {
        if (p.pointer.rfind("/tables/", 0) != 0) continue;
        // A printed 行次 the format cannot hold (0, or beyond 1000) is dropped from its row and reported.
        if (p.pointer.size() > 5 && p.pointer.compare(p.pointer.size() - 5, 5, "/line") == 0) {
            const ojson::json_pointer line_ptr(p.pointer);
            if (!filing.contains(line_ptr)) continue;
            const ojson::json_pointer row_ptr(p.pointer.substr(0, p.pointer.size() - 5));
            unplaced.push_back(Unplaced{0, 0, filing.at(line_ptr).dump(),
                                        "a 行次 printed in a row of " + p.pointer.substr(0, p.pointer.find("/blocks")) +
                                            " that the format cannot hold (" + p.expected + "); left out"});
            filing.at(row_ptr).erase("line");
            moved = true;
            continue;
        }
        if (p.pointer.find("/values/") == std::string::npos) continue;
        const ojson::json_pointer ptr(p.pointer);
        if (!filing.contains(ptr) || !filing.at(ptr).is_string()) continue;
        const std::string printed = filing.at(ptr).get<std::string>();
        // Which table, row and column, in the words of the report.
        const ojson::json_pointer table_ptr(p.pointer.substr(0, p.pointer.find('/', std::string("/tables/").size())));
        const ojson::json_pointer row_ptr(p.pointer.substr(0, p.pointer.find("/values/")));
        const std::string title = filing.contains(table_ptr) ? filing.at(table_ptr).value("title", "") : "";
        const ojson& row = filing.at(row_ptr);
        const std::string row_name = row.value("name", row.value("code", row.value("key", "")));
        const std::string column = p.pointer.substr(p.pointer.find("/values/") + 8);
        unplaced.push_back(Unplaced{0, 0, printed,
                                    title + " / " + row_name + " / " + column + ": printed, but the format expects " + p.expected +
                                        "; left blank in the filing — check the document and transcribe it by hand"});
        filing.at(ptr) = nullptr;
        moved = true;
    }
    return moved;
}

// What the document is, "决算" or "预算": told by the tables it prints (or a budget's contents listing them);
// a document with neither kind's tables is of a template gongkai does not know and is refused with the tables
// it prints (its cover only describes it in the message). Adds the tables a 决算 leaves out, or a budget's contents list but it does
// not print, as absent; throws ImportError for a document that cannot be imported.
std::string document_kind(const Flow& flow, const DocumentStructure& st, TablesResult& tables, const std::string& looks_like,
                          const std::string& no_grids, ImportReport& r) {
    std::vector<std::string> budget_titles, final_titles;
    for (const auto& t : tables.found) (is_budget_kind(t.kind) ? budget_titles : final_titles).push_back(t.title);
    if (!budget_titles.empty() && !final_titles.empty())
        throw ImportError("it prints tables of a 部门决算 (" + joined(final_titles) + ") and of a 部门预算 (" +
                          joined(budget_titles) + "); one document is one or the other");
    const std::string kind = !budget_titles.empty() ? "预算" : !final_titles.empty() ? "决算" : !tables.announced.empty() ? "预算" : "";
    if (kind.empty()) {
        r.missing_tables.clear();
        r.unrecognised = unrecognised_tables(flow, tables.table_lines);
        std::string printed;
        for (const auto& t : r.unrecognised)
            printed += (printed.empty() ? "" : ", ") + std::string("“") + t.title + "” (" +
                       (t.pages.empty() || t.pages.front() <= 0 ? "" : "p" + std::to_string(t.pages.front()) + ", ") +
                       std::to_string(t.rows) + " rows)";
        throw ImportError("this is not a 部门决算 or a 部门预算 of a known template: none of their tables was recognised" + looks_like +
                          (r.unrecognised.empty() ? std::string("; it prints no tables")
                                                  : "; the tables it prints: " + printed) +
                          no_grids);
    }
    r.kind = kind;
    r.document = kind == st.kind ? st.description
                 : kind == "预算" ? "a 部门预算 (department budget)"
                                  : "a 部门决算 (department final accounts)";
    if (kind == "决算") {
        // A 部门决算 that leaves out one or two tables (some print no empty 国有资本 table) is still one: the
        // filing lists them as absent. Fewer tables, or no 收入支出决算总表, is another kind of document.
        const bool has_summary =
            std::find(tables.missing.begin(), tables.missing.end(), "income_expenditure_summary") == tables.missing.end();
        if (!tables.missing.empty() && (tables.missing.size() > 2 || !has_summary))
            throw ImportError("this is not a nine-table 部门决算" + looks_like + ": " + std::to_string(9 - tables.missing.size()) +
                              " of the nine tables found, missing " + joined(tables.missing) + no_grids);
        for (const auto& missing : tables.missing)
            tables.tables.push_back({{"kind", missing}, {"number", nullptr}, {"title", standard_title(missing)}, {"absent", true}});
    } else {
        // A 部门预算 prints the tables of its template, none required: a table its contents list but it does
        // not print is absent (Jiangsu's publication lists twelve and prints them apart, or not at all).
        r.missing_tables.clear();
        for (const auto& announced : tables.announced) {
            const bool printed = std::any_of(tables.found.begin(), tables.found.end(),
                                             [&](const FoundTable& t) { return t.kind == announced.kind; });
            if (printed) continue;
            r.missing_tables.push_back(announced.kind);
            // Its number is the contents' ordinal ("一、"), its title as listed there.
            tables.tables.push_back({{"kind", announced.kind},
                                     {"number", announced.ordinal.empty() ? nlohmann::json() : nlohmann::json(announced.ordinal)},
                                     {"title", announced.title},
                                     {"absent", true}});
        }
    }
    return kind;
}

}  // namespace

Flow read_document_flow(const std::string& path) {
    const std::string bytes = read_bytes(path);
    if (bytes.empty()) throw ImportError("the file is empty");
    if (is_pdf(bytes)) {
        const auto pages = read_pdf_isolated(path, PdfLimits{});
        std::size_t words = 0;
        for (const auto& p : pages) words += p.words.size();
        if (words == 0)
            throw ImportError("the PDF has no text layer (a scanned document?); gongkai reads PDFs with text, it does not do OCR");
        return pdf_flow(pages, path);
    }
    const std::string ext = fs::path(path).extension().string();
    if (ext == ".pdf" || ext == ".PDF")
        throw ImportError("the file is named .pdf but is not a PDF (it has no %PDF- header): damaged, or another kind of file");
    if (bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0)
        throw ImportError("the file is a ZIP archive (a Word or Excel file?); give the PDF or its extracted text");
    if (looks_like_html(bytes)) return html_flow(bytes, path);
    return text_flow(bytes, path);
}

std::string slug_from_file_name(const std::string& path) {
    std::string stem = fs::path(path).stem().string();
    std::string out;
    for (char c : stem) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    // A leading year ("2024-finance-bureau") names the publication, not the department.
    if (out.size() > 5 && out[4] == '-' && std::all_of(out.begin(), out.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
        out.erase(0, 5);
    return is_valid_slug(out) ? out : "";
}

CountyInfo find_county(const std::string& data_dir, const std::string& code) {
    if (!is_division_code(code)) throw ImportError("--county takes a 6-digit division code such as 430321, not \"" + code + "\"");
    boost::system::error_code ec;
    if (!fs::is_directory(data_dir, ec)) throw ImportError("the data folder " + data_dir + " does not exist");
    std::vector<std::string> dirs;
    for (fs::directory_iterator it(data_dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename().string().rfind(code + "-", 0) == 0 && fs::is_directory(it->path(), ec))
            dirs.push_back(it->path().filename().string());
    if (dirs.empty())
        throw ImportError("no county folder for " + code + " in " + data_dir + ": create " + data_dir + "/" + code +
                          "-<county>/county.json first ({\"format\": \"gongkai-county/1\", \"name\", \"code\", \"province\"})");
    if (dirs.size() > 1) throw ImportError("more than one county folder for " + code + " in " + data_dir + ": " + joined(dirs));
    CountyPath where{data_dir + "/" + dirs[0] + "/county.json", dirs[0]};
    ProblemList problems;
    auto file = read_json_file(where.path, problems);
    std::optional<County> county;
    if (file) county = decode_county(*file, where, problems);
    if (!county) {
        std::string why = problems.empty() ? "it cannot be read" : problems.items().front().to_string();
        throw ImportError("the county's " + where.path + " is missing or invalid: " + why);
    }
    return CountyInfo{county->code, county->name, county->province, dirs[0]};
}

ImportedDocument import_document(const std::string& path, const CountyInfo& county, const std::string& slug_given) {
    ImportedDocument out;
    ImportReport& r = out.report;
    r.file = path;
    try {
        // 1. Read the source and lay it out as one flow of text lines and table rows.
        const Flow flow = read_document_flow(path);
        r.source_kind = flow.kind == SourceKind::pdf ? "pdf" : "text";
        r.pages = flow.page_count;
        if (word_count(flow) == 0)
            throw ImportError(flow.kind == SourceKind::pdf
                                  ? "the PDF has no text layer (a scanned document?); gongkai reads PDFs with text, it does not do OCR"
                                  : "the file holds no text");
        // 2. Recognise the tables, the parts around them and the narrative figures.
        TablesResult tables = read_tables(flow);
        DocumentStructure st = read_structure(flow, tables.table_lines);
        r.document = st.description;
        r.department = st.department_name;
        r.year = st.year;
        r.tables = tables.found;
        r.missing_tables = tables.missing;
        r.unplaced = tables.unplaced;
        for (auto& lost : unaccounted_amounts(flow, tables)) r.unplaced.push_back(std::move(lost));
        r.unplaced.insert(r.unplaced.end(), st.unplaced.begin(), st.unplaced.end());
        std::size_t grid_rows = 0;
        for (const auto& l : flow.lines) grid_rows += l.kind == FlowLine::Kind::table_row ? 1 : 0;
        const std::string no_grids = flow.kind == SourceKind::pdf && grid_rows == 0
                                         ? "; its pages draw no table grids (gongkai rebuilds tables from their ruling lines, "
                                           "so tables printed without lines cannot be read)"
                                         : "";
        const std::string looks_like = st.description.empty() ? std::string() : " (it looks like " + st.description + ")";

        const std::string kind = document_kind(flow, st, tables, looks_like, no_grids, r);
        if (st.department_name.empty()) throw ImportError("the department's name was not found on the cover or in the title");
        check_name(st.department_name, "the department's name");
        check_name(st.title, "the title");
        if (st.year == 0)
            throw ImportError(kind == "预算" ? "the year was not found in the title (e.g. \"2025年区级部门预算\")"
                                             : "the fiscal year was not found in the title (e.g. \"2024年度部门决算\")");
        r.slug = slug_given.empty() ? slug_from_file_name(path) : slug_given;
        // "2025-finance-bureau-budget.pdf": the budget of the department whose 决算 is finance-bureau.
        if (slug_given.empty() && kind == "预算" && r.slug.size() > 7 && r.slug.compare(r.slug.size() - 7, 7, "-budget") == 0)
            r.slug.erase(r.slug.size() - 7);
        if (r.slug.empty())
            throw ImportError("no slug can be made from the file name; give one with --slug (lower-case ASCII words joined by '-')");
        if (!is_valid_slug(r.slug)) throw ImportError("--slug \"" + r.slug + "\" is not lower-case ASCII words joined by '-'");

        // Item headings name 类/款/项 by their names: the document's own tables give their codes.
        NarrativeResult narrative = read_figures(st.sections, function_codes_from_tables(tables.tables), kind == "预算");
        r.unmapped = narrative.unmapped;
        r.sections = static_cast<int>(st.sections.size());
        r.figures = static_cast<int>(narrative.figures.size());
        r.glossary = static_cast<int>(st.glossary.size());
        r.attachments = static_cast<int>(st.attachments.size());

        // A table found by its title whose columns could not be read cannot be transcribed: say which.
        for (const auto& t : tables.tables) {
            if (t.value("absent", false)) continue;
            bool readable = t.contains("blocks") && !t["blocks"].empty();
            if (readable)
                for (const auto& b : t["blocks"]) readable = readable && b.contains("columns") && !b["columns"].empty();
            if (!readable) {
                std::string pages;
                for (const auto& f : tables.found)
                    if (f.kind == t.value("kind", "") && !f.pages.empty()) pages = " (page " + std::to_string(f.pages.front()) + ")";
                throw ImportError("the table " + t.value("title", t.value("kind", "")) + pages +
                                  " was found, but its header could not be read, so its columns are unknown; see the cells not "
                                  "placed below");
            }
        }

        // 3. Assemble the filing, check it against the format, audit it.
        out.filing = assemble(st, tables, narrative, county, r.slug, path, kind);
        FilingPath where{path, county.dir, st.year, r.slug, kind};
        ProblemList problems;
        auto filing = check_filing(out.filing, path, where, problems);
        if (!filing && move_unholdable_cells(out.filing, problems, r.unplaced)) {
            problems = ProblemList();
            filing = check_filing(out.filing, path, where, problems);
        }
        if (!filing) {
            problems.sort();
            r.format_problems = problems.items();
            // A name or string over the format's bounds comes from the document, not from the import.
            auto bound = std::find_if(problems.items().begin(), problems.items().end(), is_bound_problem);
            if (bound != problems.items().end()) throw ImportError("the document holds more than the format takes: " + bound->to_string());
            throw ImportError("the filing assembled from this document does not fit the format (a gongkai bug, please report it): " +
                              (problems.empty() ? std::string("unknown problem") : problems.items().front().to_string()));
        }
        r.audit = audit_filing(*filing);
        r.imported = true;
    } catch (const ImportError& e) {
        r.imported = false;
        r.error = e.what();
    } catch (const std::exception& e) {
        r.imported = false;
        r.error = std::string("the import stopped on an unexpected problem (a gongkai bug, please report it): ") + e.what();
    }
    return out;
}

int print_flow_main(const std::string& path) {
    try {
        const Flow flow = read_document_flow(path);
        for (const auto& l : flow.lines) {
            if (l.kind == FlowLine::Kind::text) {
                std::cout << "T p" << l.page << " | " << l.text << "\n";
            } else {
                std::cout << "R p" << l.page << " g" << l.grid << " |";
                for (const auto& c : l.cells) {
                    std::cout << " " << c.text;
                    if (c.span > 1) std::cout << "{" << c.span << "}";
                    std::cout << " |";
                }
                std::cout << "\n";
            }
        }
        return 0;
    } catch (const ImportError& e) {
        std::cerr << path << ": " << e.what() << "\n";
        return 1;
    }
}

}  // namespace gongkai::import
