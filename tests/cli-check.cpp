// `gongkai check` through the real command line: findings with cells, text and JSON, exit codes.
#include <doctest/doctest.h>

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
}

TEST_CASE("a consistent filing passes with exit 0; warnings alone do not fail") {
    TempDir d;
    copy_real_data(d / "data");
    std::string out;
    // Only the 普陀区财政局 filing stays.
    run_command("rm -rf " + (d / "data/430321-xiangtan") + " && find " + (d / "data/310107-putuo/2024") +
                    " -name '*.json' ! -name finance-bureau.json -delete",
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
