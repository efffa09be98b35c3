#pragma once
// The record of a built site that lets the next build reuse it: for every output path, the fingerprint of
// what it was made from (its inputs, the templates, the program), the hash and size of its bytes. Kept in
// the build's hidden cache folder beside --out (".<out>.gongkai-cache/manifest"), and tied to the site it
// describes by a build id that the site's marker file repeats: a manifest whose id the site does not carry
// (a site replaced or rebuilt by other means) is ignored.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace gongkai {

struct ManifestEntry {
    std::uint64_t fingerprint = 0;
    std::uint64_t content = 0;
    std::uint64_t size = 0;
};

struct OutputManifest {
    std::uint64_t build_id = 0;
    std::unordered_map<std::string, ManifestEntry> entries;  // by output path

    const ManifestEntry* find(const std::string& path) const {
        auto it = entries.find(path);
        return it == entries.end() ? nullptr : &it->second;
    }
};

// The cache folder of the site at `out_dir`: ".<name>.gongkai-cache" beside it.
std::string cache_dir_of(const std::string& out_dir);

// The manifest of the site now at `out_dir`, when the cache holds one and the site's marker carries its
// build id and no patch's journal is pending (finish_interrupted_patch); otherwise an empty manifest
// (everything is built anew). Never throws.
OutputManifest load_manifest(const std::string& out_dir);

// The build id of a manifest: a hash of every path with its content hash, in path order (deterministic).
std::uint64_t manifest_build_id(const std::vector<std::pair<std::string, ManifestEntry>>& entries);

// The marker file's text for a site with `build_id`.
std::string site_marker_text(std::uint64_t build_id);

// Writes the manifest (path order) into the cache folder of `out_dir` as `name`, replacing the previous one
// atomically ("manifest.next" is the one a patch's journal puts in place: write/staged_output.hpp). A failure
// only costs the next build its reuse, so it is reported as false, never thrown.
bool save_manifest(const std::string& out_dir, std::uint64_t build_id, std::vector<std::pair<std::string, ManifestEntry>> entries,
                   const std::string& name = "manifest");

}  // namespace gongkai
