#include "site/filing_digest.hpp"

#include "render/csv_export.hpp"

namespace gongkai {

FilingDigest digest_filing(const Filing& f, bool budget) {
    FilingDigest d;
    if (!budget) {
        d.summary = summarize(f);
        d.stated_yoy = from_narrative(f, d.summary);
        d.search = search_digest(f);
    }
    for (std::size_t t = 0; t < f.tables.size(); ++t)
        for (std::size_t b = 0; b < f.tables[t].blocks.size(); ++b)
            d.csvs.push_back({static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(b), table_csv_name(f.tables[t], f.tables[t].blocks[b])});
    d.line_items = line_item_lines(f);
    d.line_items.shrink_to_fit();  // kept for the whole build: no growth slack
    d.search.items.shrink_to_fit();
    return d;
}

void release_document(Filing& f) {
    f.overview = {};
    std::vector<Table>().swap(f.tables);
    std::vector<NarrativeSection>().swap(f.sections);
    std::vector<Figure>().swap(f.figures);
    std::vector<Attachment>().swap(f.attachments);
    std::vector<Part>().swap(f.parts);
}

void restore_document(Filing& f, Filing&& loaded) {
    f.overview = std::move(loaded.overview);
    f.tables = std::move(loaded.tables);
    f.sections = std::move(loaded.sections);
    f.figures = std::move(loaded.figures);
    f.attachments = std::move(loaded.attachments);
    f.parts = std::move(loaded.parts);
}

}  // namespace gongkai
