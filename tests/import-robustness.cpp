// `gongkai import` on bad input: every case is a clear message naming the file and the reason, exit 1,
// nothing written, within seconds. Also usage errors (exit 2) and the no-overwrite rule.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <set>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace gongkai::test;

namespace {

const std::string kShared = GONGKAI_SHARED_DIR;

void run_command_ok(const std::string& cmd) {
    std::string out;
    REQUIRE(run_command(cmd, out) == 0);
}

// A PDF made of the given objects (1-based, in order), with a correct cross-reference table.
std::string make_pdf(const std::vector<std::string>& objects, const std::string& trailer_extra = "") {
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (auto o : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer_extra + ">>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

std::string stream(const std::string& content) {
    return "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream";
}

// A one-page PDF whose only content is `content` (Helvetica available as /F1).
std::string one_page_pdf(const std::string& content) {
    return make_pdf({"<< /Type /Catalog /Pages 2 0 R >>",
                     "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                     "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                     "/Resources << /Font << /F1 5 0 R >> >> >>",
                     stream(content), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
}

struct Fixture {
    TempDir tmp;
    std::string data = tmp / "data";
    Fixture() {
        run_quiet("mkdir -p " + data + "/430321-xiangtan");
        write_file(data + "/430321-xiangtan/county.json", read_file(source_dir() + "/data/430321-xiangtan/county.json"));
    }
    static void run_quiet(const std::string& cmd) {
        std::string out;
        REQUIRE(run_command(cmd, out) == 0);
    }
    // Runs `gongkai import FILE --county 430321 --data DATA` and returns the exit code; output in `out`.
    int import(const std::string& file, std::string& out, const std::string& extra = "") const {
        return run_command(std::string(GONGKAI_BINARY) + " import '" + file + "' --county 430321 --data " + data + " " + extra, out);
    }
    // Nothing was written under data/ besides county.json.
    void nothing_written() const {
        auto files = list_files(data);
        CHECK(files == std::vector<std::string>{"430321-xiangtan/county.json"});
    }
};

// Imports `bytes` saved as `name`; expects exit 1, the file named and `reason` in the message, nothing
// written, and an answer within a few seconds.
void expect_refused(const std::string& name, const std::string& bytes, const std::string& reason) {
    Fixture fx;
    const std::string file = fx.tmp / name;
    write_file(file, bytes);
    std::string out;
    const auto start = std::chrono::steady_clock::now();
    const int code = fx.import(file, out);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(out);
    CHECK(code == 1);
    CHECK(out.find(file) != std::string::npos);
    CHECK(out.find(reason) != std::string::npos);
    CHECK(seconds < 20);
    fx.nothing_written();
}

}  // namespace

TEST_CASE("an empty file is refused") { expect_refused("empty.pdf", "", "the file is empty"); }

TEST_CASE("random bytes named .pdf are refused as not a PDF") {
    std::string bytes;
    unsigned x = 12345;
    for (int i = 0; i < 20000; ++i) {
        x = x * 1103515245 + 12345;
        bytes += static_cast<char>((x >> 16) & 0xFF);
    }
    expect_refused("random.pdf", bytes, "not a PDF");
}

TEST_CASE("a truncated PDF is refused as damaged") {
    const std::string real = read_file(kShared + "/disclosures/putuo-district/2024-finance-bureau.pdf");
    expect_refused("truncated.pdf", real.substr(0, real.size() / 3), "damaged");
}

TEST_CASE("a PDF whose page tree loops is refused, not followed forever") {
    const std::string pdf = make_pdf({"<< /Type /Catalog /Pages 2 0 R >>",
                                      "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                                      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"});
    Fixture fx;
    const std::string file = fx.tmp / "loop.pdf";
    write_file(file, pdf);
    std::string out;
    const auto start = std::chrono::steady_clock::now();
    INFO(out);
    CHECK(fx.import(file, out) == 1);
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 20);
    CHECK(out.find(file) != std::string::npos);
    CHECK(out.find("NOT IMPORTED") != std::string::npos);
    fx.nothing_written();
}

TEST_CASE("a PDF without a text layer (a scan) is refused") {
    // Only drawn lines, no text: what a scanned page looks like to a text reader.
    expect_refused("scan.pdf", one_page_pdf("0 0 0 RG 1 w 50 50 m 500 50 l S 50 100 m 500 100 l S"), "no text layer");
}

TEST_CASE("an encrypted PDF is refused") {
    Fixture fx;
    const std::string plain = fx.tmp / "plain.pdf", locked = fx.tmp / "locked.pdf";
    write_file(plain, one_page_pdf("BT /F1 12 Tf 72 720 Td (2024 annual report) Tj ET"));
    std::string out;
    REQUIRE(run_command("qpdf --encrypt secret secret 256 -- " + plain + " " + locked, out) == 0);
    INFO(out);
    CHECK(fx.import(locked, out) == 1);
    CHECK(out.find("encrypted") != std::string::npos);
    fx.nothing_written();
}

TEST_CASE("GB18030 text is refused with the conversion to run") {
    Fixture fx;
    const std::string gb = fx.tmp / "gb.txt";
    std::string out;
    REQUIRE(run_command("iconv -f UTF-8 -t GB18030 '" + kShared + "/disclosures/xiangtan-county/2024-county-government-office.txt' > " + gb, out) == 0);
    INFO(out);
    CHECK(fx.import(gb, out) == 1);
    CHECK(out.find(gb) != std::string::npos);
    CHECK(out.find("GB18030") != std::string::npos);
    CHECK(out.find("iconv") != std::string::npos);
    fx.nothing_written();
}

// Found by fuzz-text (2026-11-30): the real Xiangtan text with one character's bytes changed into a UTF-16
// surrogate (ED BA 9C) was read as text, and writing the filing then failed as "a gongkai bug". Each form
// that RFC 3629 forbids is refused as not UTF-8, naming where.
TEST_CASE("text with bytes that are not UTF-8 characters is refused, naming the offset") {
    const std::string text = read_file(kShared + "/disclosures/xiangtan-county/2024-county-government-office.txt");
    const std::size_t at = text.find("县政府");
    REQUIRE(at != std::string::npos);
    for (const std::string& bad : {std::string("\xED\xBA\x9C"), std::string("\xE0\x80\x80"), std::string("\xF4\x90\x80\x80"),
                                  std::string("\xF0\x80\x80\x80"), std::string("\xF5\x80\x80\x80")}) {
        CAPTURE(at);
        std::string changed = text;
        changed.replace(at + 3, 3, bad);  // 政 becomes the bad sequence
        expect_refused("bad-utf8.txt", changed, "not valid UTF-8 (first bad byte at offset " + std::to_string(at + 3) + ")");
    }
}

TEST_CASE("a 部门预算 is imported as a budget; another kind of document says what it is") {
    // A 部门预算 (budget) of 上海市普陀区: imported, said to be a budget, written as <slug>.budget.json.
    Fixture fx;
    std::string out;
    run_command("mkdir -p " + fx.data + "/310107-putuo", out);
    write_file(fx.data + "/310107-putuo/county.json", read_file(source_dir() + "/data/310107-putuo/county.json"));
    const std::string budget = kShared + "/disclosures/putuo-district/2025-finance-bureau-budget.pdf";
    const int code = run_command(std::string(GONGKAI_BINARY) + " import '" + budget + "' --county 310107 --data " + fx.data, out);
    INFO(out);
    CHECK(code == 0);
    CHECK(out.find("kind: 部门预算 (budget)") != std::string::npos);
    CHECK(out.find("-> " + fx.data + "/310107-putuo/2025/finance-bureau.budget.json") != std::string::npos);
    const auto files = list_files(fx.data);
    CHECK(std::find(files.begin(), files.end(), "310107-putuo/2025/finance-bureau.budget.json") != files.end());
    // A PDF with text that is no disclosure at all.
    expect_refused("letter.pdf", one_page_pdf("BT /F1 12 Tf 72 720 Td (Dear reader, this is a letter.) Tj ET"),
                   "not a 部门决算");
}

TEST_CASE("a document of an unknown template is refused with the tables it prints") {
    // A budget whose tables have titles of no known template: refused, each printed table named.
    const std::string text =
        "某某区2025年部门预算\n"
        "2025年部门专项资金预算明细表\n"
        "单位：万元\n"
        "项目\t预算数\t备注\n"
        "办公费\t12.00\t\n"
        "会议费\t3.00\t\n"
        "人员情况统计表\n"
        "类别\t人数\n"
        "在职\t25\n";
    Fixture fx;
    const std::string file = fx.tmp / "2025-unknown-budget.txt";
    write_file(file, text);
    std::string out;
    CHECK(fx.import(file, out) == 1);
    INFO(out);
    CHECK(out.find("not a 部门决算 or a 部门预算 of a known template") != std::string::npos);
    CHECK(out.find("“2025年部门专项资金预算明细表” (p1, 3 rows)") != std::string::npos);
    CHECK(out.find("“人员情况统计表” (p1, 2 rows)") != std::string::npos);
    CHECK(out.find("tables printed under no title gongkai knows (2)") != std::string::npos);
    fx.nothing_written();
}

TEST_CASE("a budget whose contents list its tables but which prints none lists them as absent") {
    // Jiangsu's template: the 目录 lists the twelve tables, the document prints them apart.
    const std::string text =
        "某某厅2019年度部门预算公开\n"
        "目录\n"
        "第一部分部门概况\n"
        "第二部分2019年度部门预算表\n"
        "一、收支预算总表\n"
        "二、收入预算总表\n"
        "十二、政府采购支出预算表\n"
        "第三部分2019年度部门预算情况说明\n"
        "第一部分 部门概况\n"
        "一、主要职能\n"
        "（一）负责有关工作。\n"
        "第二部分 2019年度部门预算表\n"
        "第三部分 2019年度部门预算情况说明\n"
        "一、收支预算总体情况说明\n"
        "某某厅2019年度收入、支出预算总计100.00万元，与上年相比收、支预算总计各增加10.00万元，增长11.11%。\n"
        "二、政府采购支出预算情况说明\n"
        "2019年度政府采购支出预算总额5.00万元，其中：拟采购货物支出5.00万元。\n";
    Fixture fx;
    run_command_ok("mkdir -p " + fx.data + "/320000-jiangsu");
    write_file(fx.data + "/320000-jiangsu/county.json",
               "{\"format\": \"gongkai-county/1\", \"name\": \"江苏省\", \"code\": \"320000\", \"province\": \"江苏省\"}");
    const std::string file = fx.tmp / "2019-some-office-budget.txt";
    write_file(file, text);
    std::string out;
    const int code = run_command(std::string(GONGKAI_BINARY) + " import '" + file + "' --county 320000 --data " + fx.data, out);
    INFO(out);
    REQUIRE(code == 0);
    CHECK(out.find("kind: 部门预算 (budget)") != std::string::npos);
    CHECK(out.find("listed as absent): budget_summary budget_income budget_procurement") != std::string::npos);
    const nlohmann::json f = nlohmann::json::parse(read_file(fx.data + "/320000-jiangsu/2019/some-office.budget.json"));
    CHECK(f["kind"] == "预算");
    REQUIRE(f["tables"].size() == 3);
    CHECK(f["tables"][2]["kind"] == "budget_procurement");
    CHECK(f["tables"][2]["title"] == "政府采购支出预算表");
    CHECK(f["tables"][2]["number"] == "十二、");
    CHECK(f["tables"][2]["absent"] == true);
    std::multiset<std::string> metrics;
    for (const auto& fig : f["narrative"]["figures"]) metrics.insert(fig["metric"].get<std::string>() + "=" + fig["value"].get<std::string>());
    CHECK(metrics.count("total.amount=100.00") == 1);
    CHECK(metrics.count("total.yoy_change=10.00") == 1);
    CHECK(metrics.count("total.yoy_pct=11.11") == 1);
    CHECK(metrics.count("procurement.total=5.00") == 1);
    CHECK(metrics.count("procurement.goods=5.00") == 1);
}

TEST_CASE("usage errors exit 2") {
    Fixture fx;
    std::string out;
    const std::string bin = GONGKAI_BINARY;
    const std::string txt = kShared + "/disclosures/xiangtan-county/2024-county-government-office.txt";
    CHECK(run_command(bin + " import", out) == 2);
    CHECK(run_command(bin + " import " + txt, out) == 2);  // no --county
    CHECK(out.find("--county") != std::string::npos);
    CHECK(run_command(bin + " import " + txt + " --county 430321 --bogus", out) == 2);
    CHECK(run_command(bin + " import " + txt + " " + txt + " --county 430321 -o x.json", out) == 2);
    CHECK(run_command(bin + " import " + txt + " --county 430321 --report xml", out) == 2);
    CHECK(run_command(bin + " import --help", out) == 0);
    CHECK(out.find("--county CODE") != std::string::npos);
    // A county without a folder is an input error naming what to create.
    CHECK(run_command(bin + " import " + txt + " --county 110101 --data " + fx.data, out) == 1);
    CHECK(out.find("county.json") != std::string::npos);
    fx.nothing_written();
}

TEST_CASE("a missing file is refused") {
    Fixture fx;
    std::string out;
    CHECK(fx.import(fx.tmp / "no-such-file.pdf", out) == 1);
    CHECK(out.find("cannot be opened") != std::string::npos);
    fx.nothing_written();
}
