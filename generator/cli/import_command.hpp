#pragma once
// `gongkai import FILE... --county CODE [--slug SLUG] [--data DIR | -o OUT.json] [--report text|json]
// [--force] [--jobs N] [--quiet]`: published documents in, checked filings out.
#include <string>
#include <vector>

namespace gongkai {

// Runs the import command (args without the leading "import"). Exit 0 when every document was written,
// 1 when some document could not be imported or written (nothing is written for it), 2 for usage errors.
int run_import_command(const std::vector<std::string>& args);

}  // namespace gongkai
