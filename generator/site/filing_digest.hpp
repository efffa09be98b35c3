#pragma once
// What the site needs of a filing's document beyond its names, taken once while the document is loaded: its
// summary and the year-over-year figures its narrative states, the downloads of its tables, its lines of
// line-items.csv and its search items. With these, a build can let the documents go after loading (every
// county's pages then load theirs again, one county at a time: site/site.cpp), so that memory grows with the
// summaries, not with the documents.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compute/department_summary.hpp"
#include "compute/year_over_year.hpp"
#include "model/filing.hpp"
#include "render/search_index.hpp"

namespace gongkai {

// The CSV download of one block of one table: tables[table].blocks[block], published as `name`.
struct TableCsv {
    std::uint32_t table = 0, block = 0;
    std::string name;
};

struct FilingDigest {
    DepartmentSummary summary;               // 决算 only (empty for a budget); moved into the site's model when the
                                             // documents are released (nothing else needs it then)
    std::optional<YearOverYear> stated_yoy;  // 决算 only: as its narrative states it (compute/year_over_year from_narrative)
    std::vector<TableCsv> csvs;              // every block of every table, in document order
    std::string line_items;                  // its lines of line-items.csv
    SearchDigest search;                     // 决算 only
};

// The digest of a 决算 (`budget` false) or of a 部门预算 (`budget` true).
FilingDigest digest_filing(const Filing& f, bool budget);

// Lets the document go: the tables, narrative, figures, overview, attachments and parts are emptied; the names,
// kind, year, unit, source and glossary stay (they are what pages about many filings read).
void release_document(Filing& f);

// Puts the document of `loaded` (the same file decoded again) back into `f`, whose names are left untouched,
// so that other threads may read them meanwhile.
void restore_document(Filing& f, Filing&& loaded);

}  // namespace gongkai
