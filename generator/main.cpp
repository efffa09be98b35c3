// gongkai: reads JSON filings of 部门决算 and writes a static site of comparative dashboards.
#include "cli/cli.hpp"

int main(int argc, char** argv) { return gongkai::run_cli({argv + 1, argv + argc}); }
