// libFuzzer target: any request path through the preview server's path mapping (serve/safe_path). A path it
// lets through must name a file or folder inside the site root, whatever the input: ".." in any spelling,
// symbolic links out of the root, NUL bytes, backslashes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <boost/filesystem.hpp>
#include <unistd.h>

#include "serve/safe_path.hpp"

using namespace gongkai;
namespace fs = boost::filesystem;

namespace {

// A small site beside a secret: root/index.html, root/a/index.html, root/.hidden, root/out -> the secret's folder.
const std::string& site_root() {
    static const std::string root = [] {
        const std::string base = "/dev/shm/gongkai-fuzz-path-" + std::to_string(::getpid());
        fs::create_directories(base + "/root/a");
        fs::create_directories(base + "/secret");
        for (const char* f : {"/root/index.html", "/root/a/index.html", "/root/.hidden", "/secret/key"}) {
            if (std::FILE* out = std::fopen((base + f).c_str(), "w")) std::fclose(out);
        }
        boost::system::error_code ec;
        fs::create_directory_symlink(base + "/secret", base + "/root/out", ec);
        return fs::canonical(base + "/root").string();
    }();
    return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& root = site_root();
    const std::string request(reinterpret_cast<const char*>(data), size);
    const ResolvedPath r = resolve_site_path(root, request);
    if (r.verdict != PathVerdict::File && r.verdict != PathVerdict::Directory) return 0;
    boost::system::error_code ec;
    const std::string real = fs::canonical(r.file, ec).string();
    // Served: it must exist, lie inside the root, and not be hidden.
    if (ec || real.compare(0, root.size() + 1, root + "/") != 0) std::abort();
    if (real.find("/.", root.size()) != std::string::npos) std::abort();
    return 0;
}
