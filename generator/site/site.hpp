#pragma once
// The build recipe: Site::build() reads as the list of steps it runs, each timed.
#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>
#include <string>
#include <vector>

#include "audit/finding.hpp"
#include "error/problem.hpp"
#include "load/data_dir.hpp"
#include "load/json_file.hpp"
#include "model/code_mapping.hpp"
#include "model/department_type.hpp"
#include "model/filing.hpp"
#include "site/filing_cache.hpp"
#include "site/page_plan.hpp"
#include "site/site_model.hpp"
#include "write/build_lock.hpp"

namespace gongkai {

struct BuildOptions {
    std::string data_dir = "data";
    std::string out_dir = "public";
    std::string templates_dir = "site-templates";
    std::string assets_dir = "assets";
    std::string base_url;  // absolute URL of the site; enables sitemap.xml
    unsigned jobs = 0;     // 0 = one per core
    std::function<void(const std::string&)> log;  // progress lines; empty = quiet
    // Called while the site is written, with outputs done and the total (from the writing threads, at most
    // a few times a second, and once at the end); empty = none.
    std::function<void(std::size_t done, std::size_t total)> progress;
    bool incremental = true;  // reuse the previous site's files whose inputs did not change (the cache beside --out)
    // Decoded filings shared by the builds of one process (the preview server): unchanged files are not read
    // again. Empty = every file is read.
    std::shared_ptr<FilingCache> filing_cache;
    // A rebuild whose changed outputs number at most this, or a tenth of the site, patches the current site in
    // place; beyond, the whole site is staged and swapped in (write/staged_output.hpp).
    std::size_t patch_limit = 2000;
    // Let each document go as soon as it is digested (site/filing_digest.hpp), and load a county's documents
    // again while its pages are rendered, one county per worker at a time: memory then grows with the
    // summaries, not with the documents, for the price of decoding the rendered counties' files twice. After
    // such a build, filings() and budgets() hold names only and audits() is not available. The names and digests
    // are kept beside --out for the next such build (site/digest_store.hpp; read unless `incremental` is false),
    // which decodes only the files that changed. Ignored with a filing_cache (which keeps the documents) and by
    // check() (which audits every document).
    bool release_documents = false;
};

struct BuildReport {
    std::size_t filings = 0;
    std::size_t counties = 0;
    std::size_t pages = 0;
    std::size_t files = 0;
    std::size_t rendered = 0;  // outputs produced anew (the others were reused from the previous site)
    std::size_t reused = 0;    // outputs kept from the previous site unchanged
    std::size_t decoded = 0;   // filings and budgets read and decoded (the others came from options.filing_cache)
    std::size_t audited = 0;   // filings audited (not counting audits taken from options.filing_cache)
    std::size_t reloaded = 0;  // release_documents: filings and budgets read again to render their county's outputs
    bool patched = false;      // the previous site was patched in place (few outputs changed), not replaced whole
    std::vector<std::pair<std::string, double>> step_ms;  // step name, milliseconds
};

class Site {
public:
    explicit Site(BuildOptions options) : options_(std::move(options)) {}
    ~Site();  // gives the loaded filings back to options.filing_cache, when there is one
    Site(const Site&) = delete;
    Site& operator=(const Site&) = delete;

    // Loads, validates, computes, renders and writes the site. Throws BuildFailed listing every problem;
    // on any failure the previous contents of --out are left untouched.
    BuildReport build();

    // Loads, validates and audits only (no rendering, nothing written). Unlike build(), problems in the input
    // do not stop it: they are kept in problems(), an invalid filing is left out, and every valid filing is
    // audited (also when a county.json is missing or two files disagree).
    void check();

    // After check(): every problem in the input (invalid filings, folder-level and cross-file problems), in a
    // deterministic order; and the paths of the filings left out because they are invalid (sorted).
    const ProblemList& problems() const { return problems_; }
    const std::vector<std::string>& invalid_filings() const { return invalid_filings_; }

    // After build() or check(): the filings (sorted by path) and their audit reports, index for index. A build
    // audits a filing when a page that shows its audit is rendered (an incremental build skips the others);
    // audits() completes the rest first.
    const std::vector<Filing>& filings() const { return filings_; }
    const std::vector<AuditReport>& audits() const;
    // After build() or check(): the 部门预算 filings (<slug>.budget.json, kind "预算"), sorted by path.
    const std::vector<Filing>& budgets() const { return budgets_; }
    // After build() or check(): the audit reports of budgets(), index for index (budget rules only).
    const std::vector<AuditReport>& budget_audits() const;
    // After build() or check(): the budget of one department (county folder and slug) for `year`, or nullptr.
    const Filing* budget(const std::string& county_dir, const std::string& slug, int year) const;
    // After build(): every output of the site with the inputs it depends on (site/page_plan.hpp); input i is
    // filings()[i], input filings().size() + j is budgets()[j].
    const std::vector<PlannedOutput>& plan() const { return plan_; }
    // After build() or check(): the department types of data/department-types.json, in file order.
    const DepartmentTypes& department_types() const { return department_types_; }

private:
    // keep_going (check): problems go to problems_ instead of stopping with BuildFailed.
    void load_inputs(bool keep_going = false);
    struct Decoded {  // the valid files of one kind, index for index
        std::vector<Filing> filings;
        std::vector<FilingDigest> digests;
        std::vector<std::uint64_t> hashes;
        std::vector<FileStamp> stamps;
    };
    Decoded decode_filings(const std::vector<FilingPath>& paths, bool budgets, FilingCache::Entries& cached, ProblemList& problems);
    // Puts the documents of one county's filings and budgets back (read and decoded again; each must still be
    // the bytes the build loaded), and lets them go again.
    void load_county_documents(std::string_view county);
    void release_county_documents(std::string_view county);
    void check_inputs(bool keep_going = false);
    void check_output_location();
    // Takes the build lock of --out, once per build (creating its cache folder only with `create`: a build
    // that never reaches writing leaves nothing beside --out where no build ran), and under it finishes what
    // killed builds left (remove_build_leftovers).
    void lock_output(bool create);
    void save_digests();
    void prepare_audits();
    const AuditReport& audit_of(std::size_t filing) const;         // audits it once, on first use (thread-safe)
    const AuditReport& budget_audit_of(std::size_t budget) const;  // likewise for a budget
    void index_budgets();
    void compute_model();
    void plan_outputs();
    void add_static_files();
    void render_and_write();
    std::uint64_t global_fingerprint(const TemplateSet& templates) const;

    template <typename Step>
    void step(const char* name, Step&& fn);

    BuildOptions options_;
    BuildReport report_;
    std::vector<std::uint64_t> filing_hashes_;  // content hash of each filing's bytes as loaded
    std::vector<FileStamp> filing_stamps_, budget_stamps_;  // each file's stamp when it was read (for the filing cache)
    std::vector<Filing> filings_;
    std::vector<std::uint64_t> budget_hashes_;
    std::vector<Filing> budgets_;  // 部门预算: validated; not yet audited; shown beside the 决算 on department pages
    std::vector<FilingDigest> filing_digests_, budget_digests_;  // index for index with filings_ and budgets_
    bool released_ = false;  // the documents were let go after digesting (options.release_documents)
    std::size_t stored_ = 0;  // entries read from the digest store (site/digest_store.hpp)
    std::int64_t loaded_at_ns_ = 0;  // when loading began (CLOCK_REALTIME), before any file's stamp was taken
    std::future<bool> digests_saved_;  // the store being written for the next build (true once written)
    // Audits, computed on first use: of filings_ and of budgets_, index for index.
    mutable std::vector<AuditReport> audits_;
    mutable std::vector<AuditReport> budget_audits_;
    mutable std::unique_ptr<std::once_flag[]> audit_once_, budget_audit_once_;
    mutable std::atomic<std::size_t> audits_run_{0};
    std::atomic<std::size_t> reloaded_{0};
    mutable std::vector<char> audited_;      // per filing: audits_[i] was computed or taken from the cache
    std::vector<std::uint64_t> audit_keys_;   // per filing: what its audit reads (FilingCache)
    mutable FilingCache::Audits cached_audits_;  // taken from options.filing_cache; read-only while auditing
    std::vector<std::optional<std::size_t>> previous_;  // per filing: the same department's previous-year filing
    ProblemList problems_;                     // check(): the input's problems
    std::vector<std::string> invalid_filings_;  // check(): filings left out as invalid
    std::vector<County> counties_;
    CodeMappings code_mappings_;
    DepartmentTypes department_types_;  // data/department-types.json (empty when the folder has none)
    std::map<std::tuple<std::string, std::string, int>, std::size_t> budget_index_;  // (county, slug, year) -> budget
    std::uint64_t inputs_hash_ = 0;  // every county.json, mapping and types file loaded (part of the global fingerprint)
    std::unique_ptr<SiteModel> model_;
    std::unique_ptr<SiteInputs> site_inputs_;
    std::vector<PlannedOutput> plan_;
    std::vector<std::pair<std::string, std::string>> copies_;  // static files: source file, output path
    std::map<std::string_view, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> by_county_;  // filings, budgets
    std::optional<BuildLock> output_lock_;  // held from the start of build() to its end
};

}  // namespace gongkai
