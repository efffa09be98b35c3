#pragma once
// The record of a built site that lets the next build reuse it: for every output path, the fingerprint of
// what it was made from (its inputs, the templates, the program), the hash and size of its bytes. Kept in
// the build's hidden cache folder beside --out (".<out>.gongkai-cache/manifest"), and tied to the site it
// describes by a build id that the site's marker file repeats: a manifest whose id the site does not carry
// (a site replaced or rebuilt by other means) is ignored. Entries are kept in the order the build listed its
// outputs (deterministic); loading one costs a read and a pass over it (no allocation per entry).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gongkai {

struct ManifestEntry {
    std::uint64_t fingerprint = 0;
    std::uint64_t content = 0;
    std::uint64_t size = 0;
};

using ManifestEntries = std::vector<std::pair<std::string_view, ManifestEntry>>;  // output path, entry

struct OutputManifest {
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::uint64_t build_id = 0;
    ManifestEntries entries;  // paths point into the loaded file's bytes, held here

    // The index in `entries` of `path`, or npos.
    std::size_t find(std::string_view path) const {
        auto it = index_.find(path);
        return it == index_.end() ? npos : it->second;
    }

private:
    friend OutputManifest load_manifest(const std::string& out_dir);
    std::unique_ptr<std::string> text_;
    std::unordered_map<std::string_view, std::size_t> index_;
};

// The cache folder of the site at `out_dir`: ".<name>.gongkai-cache" beside it.
std::string cache_dir_of(const std::string& out_dir);

// The manifest of the site now at `out_dir`, when the cache holds one and the site's marker carries its
// build id and no patch's journal is pending (finish_interrupted_patch); otherwise an empty manifest
// (everything is built anew). Never throws.
OutputManifest load_manifest(const std::string& out_dir);

// The build id of a manifest: a hash of every path with its content hash, in the entries' order.
std::uint64_t manifest_build_id(const ManifestEntries& entries);

// The marker file's text for a site with `build_id`.
std::string site_marker_text(std::uint64_t build_id);

// Writes the manifest into the cache folder of `out_dir` as `name`, replacing the previous one atomically
// ("manifest.next" is the one a patch's journal puts in place: write/staged_output.hpp). A failure only costs
// the next build its reuse, so it is reported as false, never thrown.
bool save_manifest(const std::string& out_dir, std::uint64_t build_id, const ManifestEntries& entries, const std::string& name = "manifest");

}  // namespace gongkai
