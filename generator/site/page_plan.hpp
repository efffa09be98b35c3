#pragma once
// The site's outputs as data: one table of page kinds (page_kinds()), each saying which inputs its outputs
// depend on and planning them with their render functions. plan_site() lists every output of a build;
// nothing is rendered until the writer asks. The dependencies decide which outputs an incremental build
// renders again (site/site.cpp): an output is produced anew when one of its inputs, or anything global
// (templates, assets, county.json files, mappings, department types, the program), changed.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/finding.hpp"
#include "model/code_mapping.hpp"
#include "model/department_type.hpp"
#include "model/filing.hpp"
#include "render/template_set.hpp"
#include "site/filing_digest.hpp"
#include "site/site_model.hpp"

namespace gongkai {

// Everything the pages are made from. Inputs are numbered: filing i is input i, budget j is input
// filings.size() + j; each is published as a download from its source file (Filing::path).
struct SiteInputs {
    const std::vector<Filing>& filings;
    const std::vector<Filing>& budgets;
    const std::vector<FilingDigest>& filing_digests;  // index for index with filings
    const std::vector<FilingDigest>& budget_digests;  // index for index with budgets
    std::function<const AuditReport&(std::size_t filing)> audit;  // the audit of a filing (computed on first use)
    const std::vector<County>& counties;
    const CodeMappings& code_mappings;
    const DepartmentTypes& department_types;
    const SiteModel& model;
    const std::string& base_url;
    const std::string& data_dir;  // named by the problem of two outputs with one path
    // The budget of one department for a year, or nullptr.
    std::function<const Filing*(const std::string& county_dir, const std::string& slug, int year)> budget;
};

// One file of the site: where it goes, what it is made from and how.
struct PlannedOutput {
    std::string path;                    // relative to the site root
    std::string_view kind;               // the id of its PageKind
    std::vector<std::uint32_t> inputs;   // the inputs it depends on (see SiteInputs), ascending
    bool all_inputs = false;             // depends on every input (indexes, downloads of everything)
    std::function<std::string(TemplateSet&)> render;  // its bytes; empty for a copy
    std::string copy_of;                 // a file published as is (an input's source, with its id in `inputs`)
    bool listed = false;                 // an HTML page: counted, and listed in the sitemap
    // The county folder of an output made from one county's filings (its pages and downloads): rendering it
    // needs the documents of that county's filings and budgets only. Empty for outputs about the whole site,
    // which read the filings' names and digests, never their documents.
    std::string_view county;
};

// A kind of page or download: its id, what its outputs depend on (in words, for docs and tests), and the
// function that appends its outputs to the plan.
struct PageKind {
    const char* id;
    const char* depends_on;
    void (*plan)(const SiteInputs& in, std::vector<PlannedOutput>& out);
};

// Every kind, in the order their outputs are planned (which is the sitemap's order).
const std::vector<PageKind>& page_kinds();

// Every output of the site: each kind's outputs in turn, then sitemap.xml when a base URL is set.
// Throws BuildFailed when two outputs would share a path.
std::vector<PlannedOutput> plan_site(const SiteInputs& in);

}  // namespace gongkai
