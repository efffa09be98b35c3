// `gongkai check` through the real command line: findings with cells, text and JSON, exit codes; an invalid
// filing or a folder-level problem is reported while every valid filing is still audited.
#include <doctest/doctest.h>

#include "audit/audit.hpp"
#include "test_support.hpp"

using namespace gongkai::test;
using nlohmann::json;

namespace {
std::string check_command(const std::string& data, const std::string& extra = {}) {
    return std::string(GONGKAI_BINARY) + " check --data " + data + " " + extra;
}
}  // namespace

TEST_CASE("check on the real data lists findings with rule, cells and sentence, and exits 1") {
    std::string out;
    CHECK(run_command(check_command(source_dir() + "/data") + " 2>/dev/null", out) == 1);
    CHECK(out.find("error [t09-three-public]") != std::string::npos);
    CHECK(out.find("/tables/8/blocks/0/rows/2/values/actual") != std::string::npos);
    CHECK(out.find("原文：") != std::string::npos);
    CHECK(out.find("326.71") != std::string::npos);
}

TEST_CASE("check --format json is machine-readable") {
    std::string out;
    CHECK(run_command(check_command(source_dir() + "/data", "--format json 2>/dev/null"), out) == 1);
    json j = json::parse(out);
    CHECK(j["format"] == "gongkai-check/1");
    CHECK(j["filings"].size() >= 4);
    CHECK(j["summary"]["errors"].get<int>() >= 10);
    const json& first = j["filings"][0]["findings"][0];
    CHECK(first.contains("rule"));
    CHECK(first["cells"][0].contains("pointer"));
    CHECK(first.contains("expected"));
    CHECK(first.contains("found"));
    // Material errors carry their size: the narrative's “0.3万元” for the 普陀区财政局's 2,961.68 万元 differs by
    // 2961.38 万元, all of the amount involved and more than the filing's 本年支出合计; 尾差 are counted apart.
    bool seen = false;
    for (const auto& filing : j["filings"])
        for (const auto& fd : filing["findings"])
            if (fd["rule"] == "n-amount" && fd["size"]["difference"] == "2961.380000") {
                seen = true;
                CHECK(fd["severity"] == "error");
                CHECK(fd["size"]["unit"] == "万元");
                CHECK(fd["size"]["share_of_amount_pct"] == "99.9898");
                CHECK(std::stod(fd["size"]["share_of_total_expenditure_pct"].get<std::string>()) > 100.0);
            }
    CHECK(seen);
    CHECK(j["summary"]["minor"].get<int>() >= 1);
    CHECK(out.find("\"share_of_total_expenditure_pct\": null") != std::string::npos);  // findings without a money gap
}

TEST_CASE("a consistent filing passes with exit 0; warnings alone do not fail") {
    TempDir d;
    copy_real_data(d / "data");
    std::string out;
    // Only the 普陀区财政局 filing stays (no budget either: the real budgets have their own published slips).
    run_command("rm -rf " + (d / "data/430321-xiangtan") + " " + (d / "data/320000-jiangsu") + " && find " + (d / "data/310107-putuo") +
                    " -name '*.json' ! -name finance-bureau.json ! -name county.json -delete",
                out);
    // Correct the three published slips of the 普陀区财政局 filing: what remains is consistent.
    edit_json(d / (std::string("data/") + kPutuoFiling), [](json& j) {
        j["tables"][0]["blocks"][1]["rows"][7]["values"]["amount"] = "326.72";
        j["tables"][3]["blocks"][1]["rows"][7]["values"]["total"] = "326.72";
        j["tables"][3]["blocks"][1]["rows"][7]["values"]["general_budget"] = "326.72";
        j["narrative"]["figures"][13]["value"] = "2961.68";
        j["narrative"]["figures"][20]["value"] = "71.65";
    });
    CHECK(run_command(check_command(d / "data") + " 2>/dev/null", out) == 0);
    CHECK(out.find("0 error(s), 0 warning(s)") != std::string::npos);
}

TEST_CASE("check reports invalid input like build does, and rejects unknown formats") {
    TempDir d;
    copy_real_data(d / "data");
    edit_json(d / (std::string("data/") + kXiangtanFiling), [](json& j) { j["year"] = "x"; });
    std::string out;
    CHECK(run_command(check_command(d / "data"), out) == 1);
    CHECK(out.find("/year: expected an integer") != std::string::npos);
    CHECK(run_command(check_command(d / "data", "--format yaml"), out) == 2);
}

namespace {
// The three 普陀区 filings audited in-process: what `gongkai check` must report for them.
std::vector<std::pair<std::string, gongkai::AuditReport>> putuo_audits() {
    std::vector<std::pair<std::string, gongkai::AuditReport>> out;
    for (const auto& rel : real_filing_paths())
        if (contains(rel, "310107-putuo/")) out.emplace_back(rel, gongkai::audit_filing(real_filing(rel)));
    return out;
}
}  // namespace

TEST_CASE("one invalid filing among four: check reports it as a problem of that file, audits the other three, exits 1") {
    TempDir d;
    copy_real_data(d / "data");
    edit_json(d / (std::string("data/") + kXiangtanFiling), [](json& j) { j["year"] = "x"; });
    auto valid = putuo_audits();
    REQUIRE(valid.size() == 3);

    std::string out;
    CHECK(run_command(check_command(d / "data") + " 2>/dev/null", out) == 1);
    CHECK(contains(out, d / (std::string("data/") + kXiangtanFiling) + ": invalid filing, not audited"));
    CHECK(contains(out, "problem /year: expected an integer"));
    for (const auto& entry : valid) {
        const auto& rel = entry.first;  // not a structured binding: CAPTURE refers to it from a lambda (clang 14)
        const auto& report = entry.second;
        CAPTURE(rel);
        CHECK(contains(out, d / ("data/" + rel) + ": "));
        REQUIRE(!report.findings.empty());
        for (const auto& fd : report.findings) CHECK(contains(out, "[" + fd.rule + "] " + fd.message));
    }
    // The budgets are audited too (budget rules only), listed after the 决算 and counted apart.
    const auto budgets = real_budget_paths();
    REQUIRE(!budgets.empty());
    const std::string n = std::to_string(budgets.size());
    CHECK(contains(out, std::to_string(3 + budgets.size()) + " filing(s) (3 决算, " + n + " 预算): "));
    CHECK(contains(out, "1 invalid filing(s) not audited"));
    for (const auto& rel : budgets) {
        gongkai::AuditReport report = gongkai::audit_filing(real_filing(rel));
        for (const auto& fd : report.findings) CHECK(contains(out, "[" + fd.rule + "] " + fd.message));
    }

    CHECK(run_command(check_command(d / "data", "--format json 2>/dev/null"), out) == 1);
    json j = json::parse(out);
    REQUIRE(j["filings"].size() == 3 + budgets.size());
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(j["filings"][i]["file"] == d / ("data/" + valid[i].first));
        CHECK(j["filings"][i]["kind"] == "决算");
        CHECK(j["filings"][i]["findings"].size() == valid[i].second.findings.size());
    }
    for (std::size_t i = 0; i < budgets.size(); ++i) {
        const json& entry = j["filings"][3 + i];
        CHECK(entry["file"] == d / ("data/" + budgets[i]));
        CHECK(entry["kind"] == "预算");
        CHECK(entry["findings"].size() == gongkai::audit_filing(real_filing(budgets[i])).findings.size());
        for (const auto& fd : entry["findings"]) CHECK(fd["rule"].get<std::string>().rfind("b-", 0) == 0);
    }
    CHECK(j["summary"]["final_accounts"] == 3);
    CHECK(j["summary"]["budgets"] == budgets.size());
    REQUIRE(j["problems"].size() == 1);
    CHECK(j["problems"][0]["file"] == d / (std::string("data/") + kXiangtanFiling));
    CHECK(j["problems"][0]["pointer"] == "/year");
    CHECK(j["problems"][0]["expected"] == "an integer");
    CHECK(j["problems"][0]["invalid_filing"] == true);
    CHECK(j["invalid_filings"] == json::array({d / (std::string("data/") + kXiangtanFiling)}));
    CHECK(j["summary"]["filings"] == 3 + budgets.size());
    CHECK(j["summary"]["invalid_filings"] == 1);

    // build stays strict: nothing is written.
    CHECK(run_command(std::string(GONGKAI_BINARY) + " build --quiet --data " + (d / "data") + " --out " + (d / "site"), out) == 1);
    CHECK(contains(out, "/year: expected an integer"));
    CHECK(run_command("test -e " + (d / "site"), out) == 1);
}

TEST_CASE("a folder-level problem (county.json missing) is reported and every filing is still audited") {
    TempDir d;
    copy_real_data(d / "data");
    std::string out;
    run_command("rm " + (d / "data/310107-putuo/county.json"), out);
    CHECK(run_command(check_command(d / "data") + " 2>/dev/null", out) == 1);
    CHECK(contains(out, d / "data/310107-putuo/county.json" + ": 1 problem(s) in the input"));
    CHECK(contains(out, "expected a county.json file describing the county"));
    const std::size_t finals = real_filing_paths().size(), budgets = real_budget_paths().size();
    CHECK(contains(out, std::to_string(finals + budgets) + " filing(s) (" + std::to_string(finals) + " 决算, " + std::to_string(budgets) +
                            " 预算): "));
    CHECK(contains(out, "0 invalid filing(s) not audited"));
    CHECK(run_command(check_command(d / "data", "--format json 2>/dev/null"), out) == 1);
    json j = json::parse(out);
    CHECK(j["filings"].size() == finals + budgets);
    REQUIRE(j["problems"].size() == 1);
    CHECK(j["problems"][0]["pointer"] == "");
    CHECK(j["problems"][0]["invalid_filing"] == false);
}
