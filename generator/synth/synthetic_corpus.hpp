#pragma once
// Synthetic filings for demos, tests and benchmarks: realistic code lists, proportions and narrative
// figures modelled on the real filings, internally consistent unless errors are injected. Each department-year
// has its 决算 (<slug>.json) and its 部门预算 (<slug>.budget.json, synth/synthetic_budget.hpp), and the year
// after the last 决算 has the budget alone (next year's plan). Every filing says "synthetic": true and its
// county code starts with 99 (no real province has it). Never part of data/.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace gongkai {

struct SynthOptions {
    int counties = 1;
    int departments = 10;
    int years = 1;
    int last_year = 2024;
    std::uint64_t seed = 1;
    int inject_errors = 0;
};

// One deliberately injected inconsistency: the ground truth the audit must find.
struct InjectedError {
    std::string file;     // relative to the corpus folder
    std::string kind;     // table-cell, narrative-amount, narrative-share, narrative-unit, direction-word
    std::string pointer;  // JSON pointer of the changed value
    std::string description;
};

struct SyntheticCorpus {
    std::vector<std::pair<std::string, nlohmann::ordered_json>> files;  // relative path -> document
    std::vector<InjectedError> injected;
};

// Generates the corpus in memory; the same options always give the same documents.
SyntheticCorpus synthesize(const SynthOptions& options);

// Writes the corpus (and injected-errors.json when errors were injected) into `out_dir` atomically;
// returns the number of 决算 filings (budgets not counted). Throws BuildFailed when `out_dir` cannot be used.
std::size_t write_synthetic_corpus(const SynthOptions& options, const std::string& out_dir);

}  // namespace gongkai
