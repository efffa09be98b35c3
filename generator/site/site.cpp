#include "site/site.hpp"

#include <algorithm>
#include <ctime>
#include <atomic>
#include <sys/stat.h>
#include <map>
#include <stdexcept>
#include <mutex>
#include <unordered_set>

#include <boost/filesystem.hpp>

#include "audit/audit.hpp"
#include "compute/budget_execution.hpp"
#include "compute/budget_vs_actual.hpp"
#include "compute/county_aggregate.hpp"
#include "compute/department_types.hpp"
#include "compute/peer_position.hpp"
#include "compute/year_over_year.hpp"
#include "load/data_dir.hpp"
#include "render/csv_export.hpp"
#include "render/search_index.hpp"
#include "render/template_set.hpp"
#include "render/view_audit.hpp"
#include "render/view_common.hpp"
#include "render/views.hpp"
#include "site/digest_store.hpp"
#include "site/parallel.hpp"
#include "validate/corpus_checks.hpp"
#include "validate/decode_code_mapping.hpp"
#include "validate/decode_department_types.hpp"
#include "validate/decode_county.hpp"
#include "validate/decode_filing.hpp"
#include "write/build_lock.hpp"
#include "write/content_hash.hpp"
#include "write/output_manifest.hpp"
#include "write/staged_output.hpp"

namespace fs = boost::filesystem;

namespace gongkai {

namespace {
// Where a valid filing was read from: its path, folder, year, slug and kind are those of its FilingPath (the
// decoder refuses a filing that disagrees with its place).
FilingPath location_of(const Filing& f) { return {f.path, f.county_dir, f.year, f.slug, f.kind}; }

// The failure of a build that reads an input again (to publish it, or to render its county) and finds other bytes.
BuildFailed changed_during_build(const std::string& path) {
    ProblemList p;
    p.add({path, "", "the file as it was when the build read it", "it changed during the build", "build again"});
    return BuildFailed(p);
}
}  // namespace

template <typename Step>
void Site::step(const char* name, Step&& fn) {
    auto start = std::chrono::steady_clock::now();
    fn();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    report_.step_ms.emplace_back(name, ms);
    if (options_.log) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%8.1f ms", ms);
        options_.log(std::string(buf) + "  " + name);
    }
}

BuildReport Site::build() {
    struct Unlock {
        std::optional<BuildLock>& lock;
        ~Unlock() { lock.reset(); }
    } unlock{output_lock_};
    lock_output(false);  // first: builds into one --out take turns, and what killed builds left goes
    step("load and validate filings", [&] { load_inputs(); });
    step("cross-file checks", [&] { check_inputs(); check_output_location(); });
    step("compute aggregates", [&] { prepare_audits(); compute_model(); });
    if (released_) save_digests();  // in the background, while the pages are planned and written
    step("plan pages", [&] { plan_outputs(); add_static_files(); });
    // Filings are audited here too, when a page showing their audit is rendered: an incremental build audits
    // only the filings of the pages it renders anew.
    step("write site (pages rendered and filings audited as they are written)", [&] { render_and_write(); });
    if (digests_saved_.valid() && !digests_saved_.get() && options_.log)
        options_.log("warning: could not write " + digest_store_path(options_.out_dir) + " (the next build reads every filing again)");
    return report_;
}

void Site::check() {
    load_inputs(true);
    check_inputs(true);
    prepare_audits();
    audits();
    budget_audits();
}

const Filing* Site::budget(const std::string& county_dir, const std::string& slug, int year) const {
    auto it = budget_index_.find({county_dir, slug, year});
    return it == budget_index_.end() ? nullptr : &budgets_[it->second];
}

void Site::index_budgets() {
    budget_index_.clear();
    for (std::size_t i = 0; i < budgets_.size(); ++i) budget_index_.emplace(std::tuple{budgets_[i].county_dir, budgets_[i].slug, budgets_[i].year}, i);
}

// Every filing is audited independently, with its department's previous-year filing where loaded (the
// across-years rules) and its budget of the same year (x-budget-final); every budget is audited with the budget
// rules. Findings never block publishing. Audits run on first use, once each, from any thread.
void Site::prepare_audits() {
    audits_.assign(filings_.size(), {});
    budget_audits_.assign(budgets_.size(), {});
    audit_once_ = std::make_unique<std::once_flag[]>(filings_.size());
    budget_audit_once_ = std::make_unique<std::once_flag[]>(budgets_.size());
    previous_ = previous_year_filings(filings_);
    audited_.assign(filings_.size(), 0);
    if (!options_.filing_cache) return;
    cached_audits_ = options_.filing_cache->take_audits();
    audit_keys_.resize(filings_.size());
    for (std::size_t i = 0; i < filings_.size(); ++i) {
        const Filing& f = filings_[i];
        const auto budget_it = budget_index_.find({f.county_dir, f.slug, f.year});
        HashBuilder key;
        key.add(f.path).add(filing_hashes_[i]).add(previous_[i] ? filing_hashes_[*previous_[i]] : 0)
            .add(budget_it == budget_index_.end() ? 0 : budget_hashes_[budget_it->second]).add(inputs_hash_);
        audit_keys_[i] = key.done();
    }
}

const AuditReport& Site::audit_of(std::size_t i) const {
    std::call_once(audit_once_[i], [&] {
        audited_[i] = 1;
        if (!audit_keys_.empty())
            if (auto it = cached_audits_.find(audit_keys_[i]); it != cached_audits_.end()) {
                audits_[i] = std::move(it->second);  // each key belongs to one filing: no other thread takes it
                return;
            }
        ++audits_run_;
        const Filing& f = filings_[i];
        // No page shows which cells were read: the audit does not record them.
        audits_[i] = audit_filing(f, previous_[i] ? &filings_[*previous_[i]] : nullptr, &code_mappings_, budget(f.county_dir, f.slug, f.year),
                                  /*coverage=*/false);
    });
    return audits_[i];
}

const AuditReport& Site::budget_audit_of(std::size_t j) const {
    std::call_once(budget_audit_once_[j], [&] {
        budget_audits_[j] = audit_filing(budgets_[j], nullptr, &code_mappings_, nullptr, /*coverage=*/false);
    });
    return budget_audits_[j];
}

const std::vector<AuditReport>& Site::audits() const {
    if (released_) throw std::logic_error("Site::audits(): the build let the documents go (BuildOptions::release_documents)");
    if (audit_once_) parallel_for(filings_.size(), options_.jobs, [&](unsigned, std::size_t i) { audit_of(i); });
    return audits_;
}

const std::vector<AuditReport>& Site::budget_audits() const {
    if (released_) throw std::logic_error("Site::budget_audits(): the build let the documents go (BuildOptions::release_documents)");
    if (budget_audit_once_) parallel_for(budgets_.size(), options_.jobs, [&](unsigned, std::size_t j) { budget_audit_of(j); });
    return budget_audits_;
}

Site::~Site() {
    if (digests_saved_.valid()) digests_saved_.wait();  // a build that failed after starting it
    if (!options_.filing_cache) return;
    // Audits of this build's filings: computed ones, else the cached one while its key still holds.
    FilingCache::Audits audits;
    for (std::size_t i = 0; i < audit_keys_.size() && i < audited_.size(); ++i) {
        if (audited_[i]) audits[audit_keys_[i]] = std::move(audits_[i]);
        else if (auto it = cached_audits_.find(audit_keys_[i]); it != cached_audits_.end()) audits[audit_keys_[i]] = std::move(it->second);
    }
    options_.filing_cache->give_back_audits(std::move(audits));
    FilingCache::Entries entries;
    for (std::size_t i = 0; i < filings_.size(); ++i) {
        std::string path = filings_[i].path;  // before the filing is moved
        entries[std::move(path)] = {filing_stamps_[i], std::move(filings_[i]), filing_hashes_[i], std::move(filing_digests_[i])};
    }
    for (std::size_t j = 0; j < budgets_.size(); ++j) {
        std::string path = budgets_[j].path;
        entries[std::move(path)] = {budget_stamps_[j], std::move(budgets_[j]), budget_hashes_[j], std::move(budget_digests_[j])};
    }
    options_.filing_cache->give_back(std::move(entries));
}

// Reads and decodes `paths` in parallel, one problem list per file (appended to `problems` in path order); a
// file with a problem is left out and listed in invalid_filings_, the others are returned with their digests,
// their bytes' hash and the file's stamp. A file whose stamp equals its entry in `cached` is taken from there
// unread. With release_documents, each document is let go as soon as it is digested.
Site::Decoded Site::decode_filings(const std::vector<FilingPath>& paths, bool budgets, FilingCache::Entries& cached, ProblemList& problems) {
    std::vector<ProblemList> per_file(paths.size());
    std::vector<std::optional<Filing>> decoded(paths.size());
    std::vector<FilingDigest> digests(paths.size());
    std::vector<std::uint64_t> hashes(paths.size());
    std::vector<FileStamp> stamps(paths.size());
    std::atomic<std::size_t> decoded_count{0};
    const bool release = released_;
    parallel_for(paths.size(), options_.jobs, [&](unsigned, std::size_t i) {
        // The stamp is taken before the bytes are read: a file changed after it is read again next time.
        if (auto stamp = file_stamp(paths[i].path)) stamps[i] = *stamp;
        if (auto it = cached.find(paths[i].path); it != cached.end() && it->second.stamp == stamps[i]) {
            decoded[i] = std::move(it->second.filing);
            digests[i] = std::move(it->second.digest);
            hashes[i] = it->second.hash;
            return;
        }
        ++decoded_count;
        std::optional<JsonFile> file = read_json_file(paths[i].path, per_file[i]);
        if (file) {
            decoded[i] = decode_filing(*file, paths[i], per_file[i]);
            hashes[i] = content_hash(file->bytes);  // the download is copied later, and must be these bytes
            if (decoded[i] && per_file[i].empty()) {
                digests[i] = digest_filing(*decoded[i], budgets);
                if (release) release_document(*decoded[i]);
            }
        }
    });
    report_.decoded += decoded_count;
    Decoded out;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        problems.append(per_file[i]);
        if (!per_file[i].empty()) invalid_filings_.push_back(paths[i].path);
        else if (decoded[i]) {
            out.filings.push_back(std::move(*decoded[i]));
            out.digests.push_back(std::move(digests[i]));
            out.hashes.push_back(hashes[i]);
            out.stamps.push_back(stamps[i]);
        }
    }
    return out;
}

void Site::load_county_documents(std::string_view county) {
    auto it = by_county_.find(county);
    if (it == by_county_.end()) return;
    auto load = [&](std::vector<Filing>& filings, const std::vector<std::uint64_t>& hashes, std::size_t i) {
        ProblemList problems;
        const std::string& path = filings[i].path;  // names stay while the document is away
        std::optional<JsonFile> file = read_json_file(path, problems);
        std::optional<Filing> again;
        if (file && content_hash(file->bytes) == hashes[i]) again = decode_filing(*file, location_of(filings[i]), problems);
        if (!again || !problems.empty()) throw changed_during_build(path);
        restore_document(filings[i], std::move(*again));
        ++reloaded_;
    };
    for (std::size_t i : it->second.first) load(filings_, filing_hashes_, i);
    for (std::size_t j : it->second.second) load(budgets_, budget_hashes_, j);
}

void Site::release_county_documents(std::string_view county) {
    auto it = by_county_.find(county);
    if (it == by_county_.end()) return;
    for (std::size_t i : it->second.first) {
        release_document(filings_[i]);
        audits_[i] = {};  // every page showing it belongs to this county, and is done
    }
    for (std::size_t j : it->second.second) release_document(budgets_[j]);
}

// Reads every county.json and filing; decoding runs in parallel, one problem list per file so that
// the report is complete and in a deterministic order.
void Site::load_inputs(bool keep_going) {
    {
        timespec now{};
        ::clock_gettime(CLOCK_REALTIME, &now);  // the clock of file times
        loaded_at_ns_ = static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
    }
    ProblemList problems;
    DataLayout layout = scan_data_dir(options_.data_dir, problems);
    HashBuilder inputs;  // every file here but the filings and budgets: a change to one affects every page
    if (!layout.code_mapping.empty())
        if (auto f = read_json_file(layout.code_mapping, problems)) {
            inputs.add(f->path).add(f->bytes);
            if (auto m = decode_code_mapping(*f, problems)) code_mappings_ = std::move(*m);
        }
    if (!layout.department_types.empty())
        if (auto f = read_json_file(layout.department_types, problems)) {
            inputs.add(f->path).add(f->bytes);
            if (auto t = decode_department_types(*f, problems)) department_types_ = std::move(*t);
        }
    for (const auto& c : layout.counties) {
        if (auto f = read_json_file(c.path, problems)) {
            inputs.add(f->path).add(f->bytes);
            if (auto county = decode_county(*f, c, problems)) counties_.push_back(*county);
        }
    }
    inputs_hash_ = inputs.done();
    released_ = options_.release_documents && !options_.filing_cache && !keep_going;  // check() audits every document
    FilingCache::Entries cached;
    if (options_.filing_cache) cached = options_.filing_cache->take_all();
    else if (released_ && options_.incremental) {
        cached = load_digest_store(digest_store_path(options_.out_dir), program_fingerprint());
        stored_ = cached.size();
    }
    Decoded filings = decode_filings(layout.filings, false, cached, problems);
    filings_ = std::move(filings.filings);
    filing_digests_ = std::move(filings.digests);
    filing_hashes_ = std::move(filings.hashes);
    filing_stamps_ = std::move(filings.stamps);
    Decoded budgets = decode_filings(layout.budgets, true, cached, problems);
    budgets_ = std::move(budgets.filings);
    budget_digests_ = std::move(budgets.digests);
    budget_hashes_ = std::move(budgets.hashes);
    budget_stamps_ = std::move(budgets.stamps);
    for (std::size_t i = 0; i < filings_.size(); ++i) by_county_[filings_[i].county_dir].first.push_back(i);
    for (std::size_t j = 0; j < budgets_.size(); ++j) by_county_[budgets_[j].county_dir].second.push_back(j);
    index_budgets();
    std::sort(invalid_filings_.begin(), invalid_filings_.end());
    report_.filings = filings_.size();
    report_.counties = counties_.size();
    if (layout.filings.empty() && problems.empty() && options_.log)
        options_.log("warning: no filings found under " + options_.data_dir + " (expected <code>-<county>/<year>/<slug>.json)");
    if (keep_going) problems_.append(problems);
    else if (!problems.empty()) throw BuildFailed(problems);
}

void Site::check_inputs(bool keep_going) {
    ProblemList problems;
    check_corpus(counties_, filings_, problems);
    if (keep_going) problems_.append(problems);
    else if (!problems.empty()) throw BuildFailed(problems);
}

// Starts writing the digest store beside --out (site/digest_store.hpp) on a thread of its own, unless it already
// holds exactly this build's files: nothing was decoded and every file came from it. After check_output_location
// (the store lives beside the output folder); it reads the names, the digests and the model's summaries, which
// nothing changes from then on.
void Site::save_digests() {
    if (report_.decoded == 0 && stored_ == filings_.size() + budgets_.size()) return;
    // A file modified in the last seconds before its stamp was taken could be written again within the same
    // tick of the file system's clock, keeping its stamp with other bytes: such a file is not stored (the next
    // build decodes it again), as git treats "racily clean" files.
    const std::int64_t settled = loaded_at_ns_ - 2'000'000'000;
    digests_saved_ = std::async(std::launch::async, [this, settled] {
        try {
            std::vector<StoredFiling> entries;
            entries.reserve(filings_.size() + budgets_.size());
            for (std::size_t i = 0; i < filings_.size(); ++i)
                if (filing_stamps_[i].mtime_ns < settled)
                    entries.push_back({filing_stamps_[i], filing_hashes_[i], filings_[i], filing_digests_[i], model_->summaries[i]});
            for (std::size_t j = 0; j < budgets_.size(); ++j)
                if (budget_stamps_[j].mtime_ns < settled)
                    entries.push_back({budget_stamps_[j], budget_hashes_[j], budgets_[j], budget_digests_[j], budget_digests_[j].summary});
            return save_digest_store(digest_store_path(options_.out_dir), program_fingerprint(), entries);
        } catch (const std::exception&) {
            return false;
        }
    });
}

void Site::check_output_location() {
    ProblemList problems;
    // Replacing --out deletes what it holds, and writing into an input folder would feed the output back
    // in: the two must not overlap in either direction, also through symbolic links.
    if (options_.out_dir.empty()) problems.add({"", "", "an output folder", "an empty path", "--out"});
    fs::path out = fs::weakly_canonical(fs::absolute(options_.out_dir));
    auto within = [](const fs::path& inner, const fs::path& outer) {
        auto rel = inner.lexically_relative(outer);
        return !rel.empty() && *rel.begin() != "..";
    };
    for (const auto& [flag, in] : {std::pair{"--data", options_.data_dir}, std::pair{"--templates", options_.templates_dir},
                                   std::pair{"--assets", options_.assets_dir}}) {
        fs::path p = fs::weakly_canonical(fs::absolute(in));
        if (within(p, out))
            problems.add({options_.out_dir, "", "an output folder that does not contain " + std::string(flag) + " (" + in + ")",
                          "it is inside the output folder", "--out"});
        else if (within(out, p))
            problems.add({options_.out_dir, "", "an output folder outside " + std::string(flag) + " (" + in + ")",
                          "the output folder is inside it", "--out"});
    }
    if (!problems.empty()) throw BuildFailed(problems);
}

void Site::lock_output(bool create) {
    if (output_lock_ || options_.out_dir.empty()) return;
    boost::system::error_code ec;
    if (!create && !fs::is_directory(cache_dir_of(options_.out_dir), ec)) return;
    output_lock_.emplace(options_.out_dir);
    remove_build_leftovers(options_.out_dir);
}

void Site::compute_model() { model_ = std::make_unique<SiteModel>(compute_site_model(filings_, filing_digests_, budgets_, options_.jobs, released_)); }

void Site::plan_outputs() {
    site_inputs_ = std::make_unique<SiteInputs>(SiteInputs{
        filings_, budgets_, filing_digests_, budget_digests_, [this](std::size_t i) -> const AuditReport& { return audit_of(i); }, counties_, code_mappings_, department_types_, *model_,
        options_.base_url, options_.data_dir,
        [this](const std::string& county_dir, const std::string& slug, int year) { return budget(county_dir, slug, year); }});
    plan_ = plan_site(*site_inputs_);  // the render functions refer to *site_inputs_, which lives as long as the plan
}

// Site CSS and JS from assets/, and Apache ECharts from the npm install in assets/node_modules.
void Site::add_static_files() {
    ProblemList problems;
    fs::path assets(options_.assets_dir);
    for (const char* sub : {"css", "js"}) {
        fs::path dir = assets / sub;
        if (!fs::is_directory(dir)) {
            problems.add({dir.string(), "", "the site's " + std::string(sub) + " folder", "no such folder", "--assets"});
            continue;
        }
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir))
            if (fs::is_regular_file(e.path())) files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) copies_.emplace_back(f.string(), "assets/" + f.filename().string());
    }
    fs::path echarts = assets / "node_modules" / "echarts" / "dist" / "echarts.min.js";
    if (!fs::is_regular_file(echarts))
        problems.add({echarts.string(), "", "Apache ECharts installed from npm", "no such file", "run: npm ci --prefix " + assets.string()});
    else {
        copies_.emplace_back(echarts.string(), "assets/echarts.min.js");
        fs::path license = assets / "node_modules" / "echarts" / "LICENSE";
        if (fs::is_regular_file(license)) copies_.emplace_back(license.string(), "assets/echarts-LICENSE.txt");
    }
    if (!problems.empty()) throw BuildFailed(problems);
}

namespace {
// The bytes of a file, or BuildFailed naming it.
std::string read_source(const std::string& path) {
    auto bytes = read_file_bytes(path);
    if (!bytes) {
        ProblemList p;
        p.add({path, "", "a readable file to publish", "it cannot be read", ""});
        throw BuildFailed(p);
    }
    return std::move(*bytes);
}
}  // namespace

// What every output depends on besides its own inputs: the program, the templates, the base URL and every
// input that is not a filing or budget. Any change to one of them renders every page anew.
std::uint64_t Site::global_fingerprint(const TemplateSet& templates) const {
    HashBuilder h;
    h.add(options_.base_url).add(inputs_hash_).add(templates.sources()).add(program_fingerprint());
    return h.done();
}

// Renders and writes every planned output as it is produced, on all workers: nothing is held beyond the page a
// worker is on. An output whose fingerprint (its inputs' hashes, its kind and path, the global fingerprint)
// equals the one the previous build recorded is kept from the current site without rendering; one whose new
// bytes equal the current site's file is kept too. When few outputs can have changed, only those are staged
// and patched into the current site (write/staged_output.hpp); otherwise the whole site is staged (unchanged
// files hard-linked from the current one) and swapped in. Then the marker with the build id and the manifest
// for the next build.
void Site::render_and_write() {
    TemplateSet templates = TemplateSet::load(options_.templates_dir);
    templates.set_base_url(options_.base_url);  // canonical and og:url links need the published address
    lock_output(true);  // taken at the start of the build where an earlier build made the cache folder
    OutputManifest previous = options_.incremental ? load_manifest(options_.out_dir) : OutputManifest{};

    const std::uint64_t global = global_fingerprint(templates);
    HashBuilder everything;
    everything.add(global);
    for (auto x : filing_hashes_) everything.add(x);
    for (auto x : budget_hashes_) everything.add(x);
    const std::uint64_t all_inputs = everything.done();
    auto input_hash = [&](std::uint32_t id) { return id < filing_hashes_.size() ? filing_hashes_[id] : budget_hashes_[id - filing_hashes_.size()]; };
    const unsigned workers = options_.jobs == 0 ? default_jobs() : options_.jobs;

    // Fingerprints first: they decide how the site is staged. Each output's entry in the previous manifest is
    // looked up once; `seen` marks the entries still in the site (the others are removed by a patch).
    const std::size_t total = plan_.size() + copies_.size();
    auto output_path = [&](std::size_t i) -> std::string_view { return i < plan_.size() ? plan_[i].path : copies_[i - plan_.size()].second; };
    std::vector<std::uint64_t> fingerprints(plan_.size());
    std::vector<std::size_t> old_index(total);
    std::vector<char> seen(previous.entries.size(), 0);
    std::atomic<std::size_t> stale{0};
    parallel_for(total, workers, [&](unsigned, std::size_t i) {
        old_index[i] = previous.find(output_path(i));
        if (old_index[i] != OutputManifest::npos) seen[old_index[i]] = 1;  // one output per path: no two workers share an entry
        if (i >= plan_.size()) return;
        const PlannedOutput& o = plan_[i];
        HashBuilder h;
        h.add(o.all_inputs ? all_inputs : global).add(o.kind).add(o.path);
        for (auto id : o.inputs) h.add(input_hash(id));
        fingerprints[i] = h.done();
        if (old_index[i] == OutputManifest::npos || previous.entries[old_index[i]].second.fingerprint != fingerprints[i]) ++stale;
    });
    auto old_entry = [&](std::size_t i) -> const ManifestEntry* {
        return old_index[i] == OutputManifest::npos ? nullptr : &previous.entries[old_index[i]].second;
    };
    // A patch touches the published site file by file; for a large part of it, staging the whole and swapping
    // it in one step is about as fast and never shows a mix of old and new pages.
    const bool patch = !previous.entries.empty() && stale <= std::max(options_.patch_limit, total / 10);
    StagedOutput out(options_.out_dir, patch ? StageMode::Patch : StageMode::Whole);

    ManifestEntries entries(total);
    std::atomic<std::size_t> done{0}, rendered{0}, reused{0};
    std::atomic<long long> last_report{0};
    auto start = std::chrono::steady_clock::now();
    auto tick = [&] {
        std::size_t n = ++done;
        if (!options_.progress) return;
        long long ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
        long long last = last_report.load();
        if (ms - last >= 200 && last_report.compare_exchange_strong(last, ms)) options_.progress(n, total);
    };
    std::vector<TemplateSet> per_worker(workers, templates);
    // An output whose fingerprint is unchanged is kept from the current site without rendering.
    auto keep = [&](std::size_t i) {
        const ManifestEntry* old = old_entry(i);
        if (i >= plan_.size() || !old || old->fingerprint != fingerprints[i] || !out.reuse_previous(plan_[i].path, old->size)) return false;
        entries[i] = {output_path(i), *old};
        ++reused;
        tick();
        return true;
    };
    // Renders (or reads) an output and writes it, unless its bytes equal the current site's file.
    auto produce = [&](unsigned w, std::size_t i) {
        const std::string path(output_path(i));
        const ManifestEntry* old = old_entry(i);
        ManifestEntry e;
        std::string bytes;
        if (i < plan_.size()) {
            const PlannedOutput& o = plan_[i];
            e.fingerprint = fingerprints[i];
            if (!o.render) {  // a published input: the bytes that were validated, or a clear error
                bytes = read_source(o.copy_of);
                if (content_hash(bytes) != input_hash(o.inputs.front())) throw changed_during_build(o.copy_of);
            } else {
                per_worker[w].set_page_path(path);
                bytes = o.render(per_worker[w]);
            }
        } else {
            bytes = read_source(copies_[i - plan_.size()].first);
            e.fingerprint = content_hash(bytes);
        }
        e.content = content_hash(bytes);
        e.size = bytes.size();
        if (old && old->content == e.content && out.reuse_previous(path, e.size)) ++reused;
        else {
            out.write(path, bytes);
            ++rendered;
        }
        entries[i] = {output_path(i), e};
        tick();
    };
    // The work, in tasks: with the documents kept, one output each; with them released, a county's outputs
    // are one task, which loads the county's documents (when one of its outputs is rendered), renders, and lets
    // them go again, so that each worker holds one county's documents at a time.
    struct Task {
        std::string_view county;  // released documents: the county whose documents its outputs read, else empty
        std::vector<std::size_t> outputs;
    };
    std::vector<Task> tasks;
    std::map<std::string_view, std::size_t> county_task;
    for (std::size_t i = 0; i < total; ++i) {
        std::string_view county = released_ && i < plan_.size() ? plan_[i].county : std::string_view();
        if (county.empty()) {
            tasks.push_back({{}, {i}});
            continue;
        }
        auto [it, added] = county_task.emplace(county, tasks.size());
        if (added) tasks.push_back({county, {}});
        tasks[it->second].outputs.push_back(i);
    }
    parallel_for(tasks.size(), workers, [&](unsigned w, std::size_t t) {
        const Task& task = tasks[t];
        if (task.county.empty()) {
            for (std::size_t i : task.outputs)
                if (!keep(i)) produce(w, i);
            return;
        }
        std::vector<std::size_t> stale;
        for (std::size_t i : task.outputs)
            if (!keep(i)) stale.push_back(i);
        if (stale.empty()) return;
        load_county_documents(task.county);
        for (std::size_t i : stale) produce(w, i);
        release_county_documents(task.county);
    });
    if (options_.progress) options_.progress(total, total);
    // The commit may start a process to remove the previous site: no other thread of this one may run then.
    if (digests_saved_.valid()) digests_saved_.wait();
    const std::uint64_t build_id = manifest_build_id(entries);
    if (out.mode() == StageMode::Patch) {
        for (std::size_t k = 0; k < previous.entries.size(); ++k)
            if (!seen[k]) out.remove_on_commit(std::string(previous.entries[k].first));
        if (build_id != previous.build_id || rendered > 0) {  // else the site is already what this build would write
            out.write(kSiteMarker, site_marker_text(build_id));
            // The journal puts this manifest in place with the marker (unsaved, the next build is a whole one).
            save_manifest(options_.out_dir, build_id, entries, "manifest.next");
            out.commit();
        }
    } else {
        out.write(kSiteMarker, site_marker_text(build_id));
        out.commit(true);
        save_manifest(options_.out_dir, build_id, entries);
    }

    report_.pages = static_cast<std::size_t>(std::count_if(plan_.begin(), plan_.end(), [](const PlannedOutput& o) {
        return o.path.size() >= 5 && o.path.compare(o.path.size() - 5, 5, ".html") == 0;
    }));
    report_.files = total;
    report_.rendered = rendered;
    report_.patched = out.mode() == StageMode::Patch;
    report_.audited = audits_run_;
    report_.reloaded = reloaded_;
    report_.reused = reused;
}

}  // namespace gongkai
