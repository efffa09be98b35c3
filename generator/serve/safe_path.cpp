#include "serve/safe_path.hpp"

#include <map>

#include <boost/filesystem.hpp>

namespace fs = boost::filesystem;

namespace gongkai {

static bool inside(const fs::path& root, const fs::path& p) {
    auto rel = p.lexically_relative(root);
    return !rel.empty() && *rel.begin() != "..";
}

ResolvedPath resolve_site_path(const std::string& root_dir, const std::string& url_path) {
    ResolvedPath r;
    if (url_path.empty() || url_path.front() != '/' || url_path.find('\\') != std::string::npos ||
        url_path.find('\0') != std::string::npos) {
        r.verdict = PathVerdict::Refused;
        return r;
    }
    std::size_t start = 1;
    while (start <= url_path.size()) {
        std::size_t slash = url_path.find('/', start);
        std::string seg = url_path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (seg == ".." || seg == ".") {
            r.verdict = PathVerdict::Refused;
            return r;
        }
        if (!seg.empty() && seg.front() == '.') return r;  // hidden (the site's marker .gongkai-site): never served
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    boost::system::error_code ec;
    fs::path root = fs::canonical(root_dir, ec);
    if (ec) return r;
    fs::path candidate = root / url_path.substr(1);
    if (!fs::exists(candidate, ec)) return r;
    fs::path real = fs::canonical(candidate, ec);
    if (ec) return r;
    if (real != root && !inside(root, real)) {
        r.verdict = PathVerdict::Refused;
        return r;
    }
    if (fs::is_directory(real)) {
        if (url_path.back() != '/') {
            r.verdict = PathVerdict::NeedsSlash;
            return r;
        }
        fs::path index = real / "index.html";
        if (!fs::is_regular_file(index)) return r;
        r.verdict = PathVerdict::Directory;
        r.file = index.string();
        return r;
    }
    if (!fs::is_regular_file(real)) return r;
    r.verdict = PathVerdict::File;
    r.file = real.string();
    return r;
}

std::string mime_type_for(const std::string& file) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".json", "application/json; charset=utf-8"},
        {".xml", "application/xml; charset=utf-8"}, {".txt", "text/plain; charset=utf-8"},
        {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"}, {".csv", "text/csv; charset=utf-8"},
    };
    auto ext = fs::path(file).extension().string();
    auto it = types.find(ext);
    return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace gongkai
