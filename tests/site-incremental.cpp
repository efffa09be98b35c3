// Incremental builds (site/page_plan.hpp, write/output_manifest.hpp): which outputs a filing affects, and a
// rebuild after a change — reusing the previous site's unchanged files — is byte-identical to a full build.
#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>
#include <set>
#include <sys/stat.h>

#include <boost/filesystem.hpp>

#include "site/digest_store.hpp"
#include "site/site.hpp"
#include "synth/synthetic_corpus.hpp"
#include "write/content_hash.hpp"
#include "write/output_manifest.hpp"
#include "test_support.hpp"

using namespace gongkai;
using namespace gongkai::test;
using nlohmann::json;
namespace fs = boost::filesystem;

namespace {

std::string corpus(const TempDir& d) {
    SynthOptions so;
    so.counties = 2;
    so.departments = 4;
    so.years = 3;
    so.seed = 5;
    write_synthetic_corpus(so, d / "data");
    return d / "data";
}

// Every file of the two sites (the marker included) is the same, byte for byte.
void check_identical(const std::string& a, const std::string& b) {
    auto files_a = list_files(a), files_b = list_files(b);
    REQUIRE(files_a == files_b);
    std::size_t differing = 0;
    for (const auto& rel : files_a)
        if (read_file(a + "/" + rel) != read_file(b + "/" + rel)) {
            ++differing;
            if (differing <= 5) MESSAGE("differs: " << rel);
        }
    CHECK(differing == 0);
}

// Dates the file at `path`, or every file under it, an hour back: the digest store keeps only files last
// modified more than two seconds before a build began (a file written in the same clock tick as its stamp
// could change unseen). Changing a file's time changes its stamp too (its ctime).
void backdate(const std::string& path) {
    const std::time_t past = std::time(nullptr) - 3600;
    if (fs::is_regular_file(path)) return fs::last_write_time(path, past);
    for (fs::recursive_directory_iterator it(path), end; it != end; ++it)
        if (fs::is_regular_file(it->path())) fs::last_write_time(it->path(), past);
}

BuildReport build(const std::string& data, const std::string& out, bool incremental = true) {
    BuildOptions o = options_for(data, out);
    o.incremental = incremental;
    return Site(o).build();
}

// The paths of the outputs that depend on the filing at `rel` (a path under the data folder).
std::set<std::string> affected_by(const std::string& data, const std::string& out, const std::string& rel) {
    Site site(options_for(data, out));
    site.build();
    auto it = std::find_if(site.filings().begin(), site.filings().end(), [&](const Filing& f) { return f.path == data + "/" + rel; });
    REQUIRE(it != site.filings().end());
    auto id = static_cast<std::uint32_t>(it - site.filings().begin());
    std::set<std::string> paths;
    for (const auto& o : site.plan())
        if (o.all_inputs || std::binary_search(o.inputs.begin(), o.inputs.end(), id)) paths.insert(o.path);
    return paths;
}

std::vector<std::string> filings_of(const std::string& data) {
    std::vector<std::string> out;
    for (const auto& rel : list_files(data))
        if (std::count(rel.begin(), rel.end(), '/') == 2 && rel.find(".budget.json") == std::string::npos && rel.find("county.json") == std::string::npos)
            out.push_back(rel);
    return out;
}

}  // namespace

TEST_CASE("a filing affects its department's pages and downloads, its county-year's pages and the site's indexes, nothing of other counties") {
    TempDir d;
    std::string data = corpus(d);
    auto filings = filings_of(data);
    REQUIRE(filings.size() == 24);
    // <county>/<year>/<slug>.json of the middle year of the first county.
    std::string county = filings.front().substr(0, filings.front().find('/'));
    std::string other_county;
    for (const auto& f : filings)
        if (f.rfind(county + "/", 0) != 0) other_county = f.substr(0, f.find('/'));
    REQUIRE(!other_county.empty());
    std::string rel;
    for (const auto& f : filings)
        if (f.rfind(county + "/2023/", 0) == 0) {
            rel = f;
            break;
        }
    REQUIRE(!rel.empty());
    std::string slug = rel.substr(rel.rfind('/') + 1, rel.size() - rel.rfind('/') - 1 - 5);
    auto affected = affected_by(data, d / "site", rel);

    const std::string dept = county + "/2023/" + slug + "/";
    for (const std::string& p : {dept + "index.html", dept + slug + ".json", county + "/2023/index.html", county + "/2023/departments.csv",
                                 county + "/index.html", county + "/departments/" + slug + "/index.html", std::string("index.html"),
                                 std::string("search-index.json"), std::string("line-items.csv"), std::string("glossary/index.html")})
        CHECK_MESSAGE(affected.count(p), p);
    // The next year's page compares with it (year over year, across-years audit); its peers show it.
    CHECK(affected.count(county + "/2024/" + slug + "/index.html"));
    std::size_t peers = 0;  // <county>/2023/<slug>/index.html, classes and economic classes aside
    for (const auto& p : affected)
        if (p.rfind(county + "/2023/", 0) == 0 && std::count(p.begin(), p.end(), '/') == 3 && p.size() > 11 &&
            p.compare(p.size() - 11, 11, "/index.html") == 0 && p.find("/classes/") == std::string::npos && p.find("/economic/") == std::string::npos)
            ++peers;
    CHECK(peers == 4);
    // Its tables as CSV; class pages of its county.
    CHECK(std::any_of(affected.begin(), affected.end(), [&](const std::string& p) { return p.rfind(dept, 0) == 0 && p.find(".csv") != std::string::npos; }));
    CHECK(std::any_of(affected.begin(), affected.end(), [&](const std::string& p) { return p.rfind(county + "/2023/classes/", 0) == 0; }));
    // Not: the year before's department page and downloads, another county's pages.
    CHECK(!affected.count(county + "/2022/" + slug + "/index.html"));
    CHECK(!affected.count(county + "/2022/" + slug + "/" + slug + ".json"));
    for (const auto& p : affected) CHECK_MESSAGE(p.rfind(other_county + "/", 0) != 0, p);
}

TEST_CASE("a rebuild after a change reuses the unchanged files and equals a full build byte for byte") {
    TempDir d;
    std::string data = corpus(d);
    BuildReport first = build(data, d / "site");
    CHECK(first.reused == 0);
    CHECK(first.rendered == first.files);

    // Nothing changed: every file is reused, none rendered.
    BuildReport same = build(data, d / "site");
    CHECK(same.rendered == 0);
    CHECK(same.reused == same.files);
    build(data, d / "full", false);
    check_identical(d / "site", d / "full");

    // One filing changed: a few outputs are produced anew, the rest reused; the result equals a full build.
    auto filings = filings_of(data);
    edit_json(data + "/" + filings[5], [](json& j) { j["department"]["name"] = j["department"]["name"].get<std::string>() + "（改）"; });
    BuildReport one = build(data, d / "site");
    CHECK(one.rendered > 0);
    CHECK(one.reused > one.rendered);
    fs::remove_all(d / "full");
    build(data, d / "full", false);
    check_identical(d / "site", d / "full");

    // A budget removed, a filing removed: their outputs disappear, the rest equals a full build.
    fs::remove(data + "/" + filings[7].substr(0, filings[7].size() - 5) + ".budget.json");
    fs::remove(data + "/" + filings[12]);
    build(data, d / "site");
    fs::remove_all(d / "full");
    build(data, d / "full", false);
    check_identical(d / "site", d / "full");

    // A template changed: every page with the layout is rendered anew (404.html has none; the downloads, unchanged,
    // are reused).
    fs::create_directories(d / "templates");
    for (const auto& e : fs::directory_iterator(source_dir() + "/site-templates")) fs::copy_file(e.path(), fs::path(d / "templates") / e.path().filename());
    std::string layout = read_file(d / "templates/layout.mustache");
    write_file(d / "templates/layout.mustache", layout + "<!-- changed -->\n");
    BuildOptions o = options_for(data, d / "site");
    o.templates_dir = d / "templates";
    BuildReport templated = Site(o).build();
    CHECK(templated.rendered + 1 >= templated.pages);
    CHECK(templated.rendered < templated.files);
    CHECK(read_file(d / "site/index.html").find("<!-- changed -->") != std::string::npos);
}

TEST_CASE("a manifest that does not belong to the site is ignored") {
    TempDir d;
    std::string data = corpus(d);
    build(data, d / "site");
    // Someone replaced a page by hand with one of the same size, and the marker no longer matches the manifest.
    std::string page = read_file(d / "site/index.html");
    std::string forged(page.size(), 'x');
    write_file(d / "site/index.html", forged);
    write_file(d / "site/.gongkai-site", "This folder was generated by gongkai; it is replaced on every build.\n");
    CHECK(load_manifest(d / "site").entries.empty());
    BuildReport again = build(data, d / "site");
    CHECK(again.reused == 0);
    CHECK(read_file(d / "site/index.html") == page);
}

TEST_CASE("a small change patches the site in place: unchanged files are not touched") {
    TempDir d;
    std::string data = corpus(d);
    build(data, d / "site");
    auto filings = filings_of(data);
    // A filing of the last year (fewest pages depend on it) and a page of another county that it does not affect.
    std::string other = filings.front().substr(0, filings.front().find('/')) + "/index.html";
    const std::string& changed = filings.back();
    REQUIRE(other.substr(0, other.find('/')) != changed.substr(0, changed.find('/')));
    struct stat before {}, after {};
    REQUIRE(::stat((d / "site/" + other).c_str(), &before) == 0);
    edit_json(data + "/" + changed, [](json& j) { j["department"]["name"] = j["department"]["name"].get<std::string>() + "（改）"; });
    BuildReport one = build(data, d / "site");
    CHECK(one.patched);
    CHECK(one.rendered > 0);
    REQUIRE(::stat((d / "site/" + other).c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);  // the same file, neither rewritten nor relinked
    CHECK(after.st_nlink == 1);
    fs::remove_all(d / "full");
    build(data, d / "full", false);
    check_identical(d / "site", d / "full");
    // Nothing is left beside the site but its cache folder (no patch folder, no journal).
    std::vector<std::string> beside;
    for (const auto& e : fs::directory_iterator(d.path())) beside.push_back(e.path().filename().string());
    std::sort(beside.begin(), beside.end());
    CHECK(beside == std::vector<std::string>{".full.gongkai-cache", ".site.gongkai-cache", "data", "full", "site"});
    CHECK(!fs::exists(d / ".site.gongkai-cache/journal"));

    // Above the patch limit the whole site is staged and swapped in; the result is the same.
    edit_json(data + "/" + changed, [](json& j) { j["department"]["name"] = j["department"]["name"].get<std::string>() + "（再改）"; });
    BuildOptions o = options_for(data, d / "site");
    o.patch_limit = 0;
    BuildReport whole = Site(o).build();
    CHECK(!whole.patched);
    CHECK(whole.reused > whole.rendered);
    fs::remove_all(d / "full");
    build(data, d / "full", false);
    check_identical(d / "site", d / "full");
}

TEST_CASE("builds sharing a filing cache read only the files that changed, and equal builds without it") {
    TempDir d;
    std::string data = corpus(d);
    BuildOptions o = options_for(data, d / "site");
    o.filing_cache = std::make_shared<FilingCache>();
    BuildReport first = Site(o).build();
    auto inputs = list_files(data);  // every filing and budget: the files in year folders
    CHECK(first.decoded == static_cast<std::size_t>(std::count_if(inputs.begin(), inputs.end(), [](const std::string& rel) {
              return std::count(rel.begin(), rel.end(), '/') == 2;
          })));
    CHECK(first.audited == filings_of(data).size());
    BuildReport same = Site(o).build();
    CHECK(same.decoded == 0);
    CHECK(same.audited == 0);
    auto filings = filings_of(data);
    edit_json(data + "/" + filings[3], [](json& j) { j["department"]["name"] = j["department"]["name"].get<std::string>() + "（改）"; });
    fs::remove(data + "/" + filings[9]);
    BuildReport changed = Site(o).build();
    CHECK(changed.decoded == 1);
    // Only the changed filing and the next year's (whose across-years rules read it) are audited again; the
    // pages that show other filings' audits take them from the cache.
    CHECK(changed.audited >= 1);
    CHECK(changed.audited <= 2);
    build(data, d / "full", false);
    check_identical(d / "site", d / "full");
    // A broken save is reported (not hidden by the cache), and the fixed file is read again.
    std::string good = read_file(data + "/" + filings[3]);
    write_file(data + "/" + filings[3], "{");
    CHECK_THROWS_AS(Site(o).build(), BuildFailed);
    write_file(data + "/" + filings[3], good);
    BuildReport fixed = Site(o).build();
    CHECK(fixed.decoded == 1);
    check_identical(d / "site", d / "full");
}

TEST_CASE("a build that lets the documents go and loads them county by county writes the same site as one that keeps them") {
    TempDir d;
    // Injected errors: audits with findings, which the department pages and dashboards show.
    write_synthetic_corpus({.counties = 3, .departments = 5, .years = 3, .seed = 11, .inject_errors = 8}, d / "data");
    const std::string data = d / "data";
    backdate(data);
    auto release = [&](const std::string& src, const std::string& out) {
        BuildOptions o = options_for(src, out);
        o.release_documents = true;
        Site site(o);
        BuildReport r = site.build();
        // Only names and digests stay: no document, and no audit to hand out.
        for (const auto& f : site.filings()) CHECK(f.tables.empty());
        CHECK_THROWS_AS(site.audits(), std::logic_error);
        return r;
    };
    for (const std::string& src : {source_dir() + "/data", data}) {  // the synthetic site stays in "released"
        CAPTURE(src);
        fs::remove_all(d / "kept");
        fs::remove_all(d / "released");
        build(src, d / "kept", false);
        BuildReport r = release(src, d / "released");
        CHECK(r.reloaded == r.decoded);  // every county's pages were rendered: every document was read again once
        check_identical(d / "kept", d / "released");
    }

    // After one change, only the changed filing's county is read again, and the site equals a full build.
    auto filings = filings_of(data);
    REQUIRE(filings.size() == 45);
    const std::string county = filings[20].substr(0, filings[20].find('/'));
    edit_json(data + "/" + filings[20], [](json& j) { j["department"]["name"] = j["department"]["name"].get<std::string>() + "（改）"; });
    backdate(data + "/" + filings[20]);
    BuildReport one = release(data, d / "released");
    std::size_t county_files = 0;
    for (const auto& rel : list_files(data)) county_files += rel.rfind(county + "/", 0) == 0 && std::count(rel.begin(), rel.end(), '/') == 2;
    CHECK(one.reloaded == county_files);
    CHECK(one.decoded == 1);  // the others came from the digest store of the build before
    fs::remove_all(d / "kept");
    build(data, d / "kept", false);
    check_identical(d / "kept", d / "released");
}

TEST_CASE("a build that lets the documents go keeps their digests beside --out: the next decodes only changed files and writes the same site") {
    TempDir d;
    write_synthetic_corpus({.counties = 2, .departments = 4, .years = 3, .seed = 17, .inject_errors = 6}, d / "data");
    const std::string data = d / "data";
    backdate(data);
    auto release = [&](const std::string& src, const std::string& out, bool incremental = true) {
        BuildOptions o = options_for(src, out);
        o.release_documents = true;
        o.incremental = incremental;
        return Site(o).build();
    };
    const std::string store = digest_store_path(d / "site");
    for (const std::string& src : {source_dir() + "/data", data}) {
        CAPTURE(src);
        fs::remove_all(d / "site");
        fs::remove_all(d / "kept");
        fs::remove(store);
        build(src, d / "kept", false);
        BuildReport first = release(src, d / "site");
        REQUIRE(fs::exists(store));
        const auto files = list_files(src);
        CHECK(first.decoded == static_cast<std::size_t>(std::count_if(files.begin(), files.end(), [](const std::string& rel) {
                  return std::count(rel.begin(), rel.end(), '/') == 2;  // <county>/<year>/<file>: every filing and budget
              })));
        // The site removed, the store kept: every page is rendered from digests and reloaded documents, none decoded.
        fs::remove_all(d / "site");
        BuildReport again = release(src, d / "site");
        CHECK(again.decoded == 0);
        CHECK(again.reused == 0);
        check_identical(d / "kept", d / "site");
    }

    // One change: that file alone is decoded, and the site equals a full build of the changed corpus.
    auto filings = filings_of(data);
    REQUIRE(!filings.empty());
    edit_json(data + "/" + filings[3], [](json& j) { j["department"]["name"] = j["department"]["name"].get<std::string>() + "（改）"; });
    CHECK(release(data, d / "site").decoded == 1);
    // Modified just now: not stored (it could change again within its stamp's clock tick), so decoded again,
    // until its time is seconds before a build's.
    CHECK(release(data, d / "site").decoded == 1);
    backdate(data + "/" + filings[3]);
    CHECK(release(data, d / "site").decoded == 1);
    CHECK(release(data, d / "site").decoded == 0);
    fs::remove_all(d / "kept");
    build(data, d / "kept", false);
    check_identical(d / "kept", d / "site");

    // A damaged store (one byte changed), a store of another program and --full are not read; a store that
    // cannot be written does not fail the build.
    const std::size_t all = release(data, d / "site", false).decoded;
    CHECK(all > 40);
    std::string bytes = read_file(store);
    REQUIRE(bytes.size() > 1000);
    CHECK(load_digest_store(store, program_fingerprint()).size() == all);
    CHECK(load_digest_store(store, program_fingerprint() + 1).empty());
    for (std::size_t at : {std::size_t(20), bytes.size() / 2, bytes.size() - 1}) {
        std::string damaged = bytes;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
        write_file(store, damaged);
        CHECK(load_digest_store(store, program_fingerprint()).empty());
    }
    write_file(store, bytes.substr(0, bytes.size() / 3));
    CHECK(load_digest_store(store, program_fingerprint()).empty());
    CHECK(release(data, d / "site").decoded == all);
    check_identical(d / "kept", d / "site");
    fs::remove(store);
    fs::create_directories(store);  // a folder where the file should be: not writable as the store
    CHECK(release(data, d / "site").decoded == all);
    check_identical(d / "kept", d / "site");
}
