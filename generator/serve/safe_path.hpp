#pragma once
// Maps a request path to a file inside the site root, refusing anything that could leave it.
#include <optional>
#include <string>

namespace gongkai {

enum class PathVerdict { File, Directory, NeedsSlash, Missing, Refused };

struct ResolvedPath {
    PathVerdict verdict = PathVerdict::Missing;
    std::string file;  // the file to serve (index.html for directories)
};

// `url_path` is the already percent-decoded request path. Refuses "..", backslashes, NUL bytes and any
// path whose real location (after following symlinks) is outside `root`; hidden files and folders (a segment
// beginning with '.', such as the site's marker .gongkai-site) are Missing.
ResolvedPath resolve_site_path(const std::string& root, const std::string& url_path);

// The MIME type for a file name, by extension (text types carry charset=utf-8).
std::string mime_type_for(const std::string& file);

}  // namespace gongkai
