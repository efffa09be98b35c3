#pragma once
// The gongkai command line: `gongkai build|serve [options]`, --help, --version.
#include <string>
#include <vector>

namespace gongkai {

// Runs the command line; returns the process exit code (0 ok, 1 invalid input, 2 usage error).
int run_cli(const std::vector<std::string>& args);

}  // namespace gongkai
