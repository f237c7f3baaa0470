#include "store/schema.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/sql_store_identity.h"
#include "store/store.h"
#include "text/fingerprint.h"

namespace mubiao::store {
namespace {

// Step 1: the archive of documents and its search index.
constexpr char kStep1[] = R"sql(
-- GB/T 2260 divisions that documents refer to, with their ancestors.
CREATE TABLE regions (
  code TEXT NOT NULL PRIMARY KEY,  -- six digits; 000000 for the nation
  name TEXT NOT NULL,              -- 新郑市
  short_name TEXT NOT NULL,        -- 新郑
  level TEXT NOT NULL,             -- national, province, prefecture, county
  parent_code TEXT,                -- enclosing division; NULL for the nation and provinces
  geo TEXT NOT NULL                -- geographic region slug (huazhong ...); '' for the nation
) STRICT;
CREATE INDEX regions_parent ON regions(parent_code);

-- One imported document: what the file said (source columns), and what the
-- analysis made of it (derived columns, rewritten by a re-derivation).
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  source_file TEXT NOT NULL,         -- absolute path of the file imported
  source_path TEXT NOT NULL UNIQUE,  -- the file, or FILE#N for row N of a JSON Lines file
  content_hash TEXT NOT NULL,        -- 64-bit FNV-1a of the file's bytes, 16 hex digits
  source_format TEXT NOT NULL,       -- markdown, text, html, docx, pdf, jsonl
  encoding TEXT NOT NULL,            -- encoding of the bytes: UTF-8, GB18030, ...
  file_title TEXT NOT NULL,          -- title the file carried ('' when none)
  file_url TEXT NOT NULL,            -- source URL the file carried ('' when none)
  file_year INTEGER,                 -- explicit year field (JSON Lines), else NULL
  imported_at TEXT NOT NULL,         -- ISO 8601 UTC time of the last (re)import
  doc_type TEXT NOT NULL,            -- report::DocTypeKey
  title TEXT NOT NULL,               -- display title
  government TEXT NOT NULL,
  province TEXT NOT NULL,
  locality TEXT NOT NULL,
  level TEXT NOT NULL,               -- national, province, prefecture, county
  region_code TEXT REFERENCES regions(code),  -- NULL when the region is unknown
  geo TEXT NOT NULL,                 -- geographic region slug, '' when none
  year INTEGER NOT NULL,             -- the year the document is about
  date TEXT NOT NULL,                -- ISO date delivered or published, '' when unknown
  speaker TEXT NOT NULL,
  speaker_title TEXT NOT NULL,
  source_url TEXT NOT NULL,
  -- The text; all offsets are UTF-8 bytes of it. Last, so that reading the
  -- columns before it never walks its overflow pages.
  body TEXT NOT NULL
) STRICT;
CREATE INDEX documents_source_file ON documents(source_file);
CREATE INDEX documents_region_year ON documents(region_code, year);
CREATE INDEX documents_year ON documents(year);

-- The blocks of the text as the importer found them (source data).
CREATE TABLE blocks (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  block_no INTEGER NOT NULL,  -- 0-based, in text order
  kind TEXT NOT NULL,         -- heading, paragraph, quote, list_item, table_row
  level INTEGER NOT NULL,     -- heading level 1-6, else 0
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, block_no)
) STRICT, WITHOUT ROWID;

-- Bold or emphasised runs inside blocks (source data).
CREATE TABLE emphasis (
  document_id INTEGER NOT NULL,
  block_no INTEGER NOT NULL,
  emphasis_no INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, block_no, emphasis_no),
  FOREIGN KEY (document_id, block_no) REFERENCES blocks(document_id, block_no) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Text the file carried outside the body: comments, dropped site chrome.
CREATE TABLE document_notes (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  note_no INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (document_id, note_no)
) STRICT, WITHOUT ROWID;

-- The outline (derived): parts with their role, sections, paragraphs.
-- Spans are [begin, end) byte offsets of documents.body; NULL pairs for an
-- absent heading, lead or label.
CREATE TABLE parts (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  part_no INTEGER NOT NULL,
  kind TEXT NOT NULL,          -- opening, review, plan, appendix, closing
  multi_year INTEGER NOT NULL, -- 1 when about several years
  label TEXT NOT NULL,         -- 一、 or ''
  heading_begin INTEGER,
  heading_end INTEGER,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, part_no)
) STRICT, WITHOUT ROWID;

CREATE TABLE sections (
  document_id INTEGER NOT NULL,
  part_no INTEGER NOT NULL,
  section_no INTEGER NOT NULL,
  label TEXT NOT NULL,  -- （七） or ''
  heading_begin INTEGER,
  heading_end INTEGER,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (document_id, part_no, section_no),
  FOREIGN KEY (document_id, part_no) REFERENCES parts(document_id, part_no) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE paragraphs (
  document_id INTEGER NOT NULL,
  part_no INTEGER NOT NULL,
  section_no INTEGER NOT NULL,
  paragraph_no INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  lead_begin INTEGER,
  lead_end INTEGER,
  item_label_begin INTEGER,
  item_label_end INTEGER,
  PRIMARY KEY (document_id, part_no, section_no, paragraph_no),
  FOREIGN KEY (document_id, part_no, section_no)
    REFERENCES sections(document_id, part_no, section_no) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Full-text index over title and body, tokenized by search/tokenizer.h. The
-- text lives in documents only (external content); triggers keep the index
-- in step with every insert, update and delete.
CREATE VIRTUAL TABLE document_fts USING fts5(
  title, body, content='documents', content_rowid='id', tokenize='mubiao');
-- Pending index data is flushed to a new segment when it outgrows this
-- (and at every commit): 32 MB holds a whole import batch, so a bulk import
-- writes one segment per batch instead of one per megabyte, and merges less.
INSERT INTO document_fts(document_fts, rank) VALUES ('hashsize', 33554432);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO document_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO document_fts(document_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents
  WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
  INSERT INTO document_fts(document_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO document_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

PRAGMA user_version = 1;
)sql";

// Step 2: what the target extractor derives (src/targets, design/TARGETS.md).
// Texts are as written; offsets are byte offsets of documents.body,
// half-open; absent values are NULL.
constexpr char kStep2[] = R"sql(
-- The targets::kExtractorVersion that produced a document's derived data;
-- a re-derivation rewrites documents older than the running extractor.
ALTER TABLE documents ADD COLUMN extractor_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_extractor_version ON documents(extractor_version);

-- Quantified promises of a report's plan.
CREATE TABLE targets (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  target_no INTEGER NOT NULL,      -- 0-based, in text order
  year INTEGER NOT NULL,           -- the year it is about (the plan year)
  text TEXT NOT NULL,              -- shortest span stating it: 粮食总产量20万吨以上
  text_begin INTEGER NOT NULL,
  text_end INTEGER NOT NULL,
  sentence TEXT NOT NULL,          -- its sentence or list item
  sentence_begin INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  section TEXT NOT NULL,           -- outline path: 二、2023年工作安排 > （七）…
  indicator TEXT NOT NULL,         -- what is measured: 粮食播种面积
  value REAL,                      -- in base units: 58万 → 580000
  value_max REAL,                  -- upper end of a range
  unit TEXT NOT NULL,              -- 亩, %, 个百分点, ... ('' when none)
  cmp TEXT CHECK (cmp IN ('>=', '<=', '~', '=', 'range')),
  change TEXT CHECK (change IN ('up', 'down')),
  strength TEXT CHECK (strength IN ('ensure', 'strive')),
  deadline TEXT,                   -- as written: 年底前, 到2025年
  topic TEXT,                      -- policy area: 农业, 教育, ...
  UNIQUE (document_id, target_no)
) STRICT;

-- Figures a review (or a communiqué) reports as achieved, for tracking.
CREATE TABLE outcomes (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  outcome_no INTEGER NOT NULL,
  year INTEGER NOT NULL,           -- the year the figure describes
  text TEXT NOT NULL,
  text_begin INTEGER NOT NULL,
  text_end INTEGER NOT NULL,
  sentence TEXT NOT NULL,
  sentence_begin INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  section TEXT NOT NULL,
  indicator TEXT NOT NULL,
  value REAL,
  value_max REAL,
  unit TEXT NOT NULL,
  cmp TEXT CHECK (cmp IN ('>=', '<=', '~', '=', 'range')),
  change TEXT CHECK (change IN ('up', 'down')),
  strength TEXT CHECK (strength IN ('ensure', 'strive')),
  deadline TEXT,
  topic TEXT,
  UNIQUE (document_id, outcome_no)
) STRICT;

-- Promises without a number to check (创成全国文明城市).
CREATE TABLE commitments (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  commitment_no INTEGER NOT NULL,
  year INTEGER NOT NULL,
  text TEXT NOT NULL,
  text_begin INTEGER NOT NULL,
  text_end INTEGER NOT NULL,
  sentence TEXT NOT NULL,
  sentence_begin INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  section TEXT NOT NULL,
  indicator TEXT NOT NULL,
  strength TEXT CHECK (strength IN ('ensure', 'strive')),
  deadline TEXT,
  topic TEXT,
  UNIQUE (document_id, commitment_no)
) STRICT;

PRAGMA user_version = 2;
)sql";

// Step 3: readers' comments on documents (the portal's 留言与评论).
constexpr char kStep3[] = R"sql(
CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  author TEXT NOT NULL,            -- name as given by the commenter
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,        -- ISO 8601 UTC
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'published', 'rejected'))
) STRICT;
CREATE INDEX comments_document ON comments(document_id, created_at);

PRAGMA user_version = 3;
)sql";

// Step 4: moderator accounts (portal) and the history of verdict overrides
// (tracking), plus indexes for listing findings by topic.
constexpr char kStep4[] = R"sql(
CREATE TABLE moderators (
  name TEXT NOT NULL PRIMARY KEY,
  password_hash TEXT NOT NULL,     -- made by the portal (Argon2id); opaque here
  created_at TEXT NOT NULL,        -- ISO 8601 UTC
  updated_at TEXT NOT NULL
) STRICT;

-- Append-only: who changed a verdict, when, why, from what to what.
CREATE TABLE verdict_overrides (
  id INTEGER PRIMARY KEY,
  target_key TEXT NOT NULL,        -- the target, independent of row ids (tracking's key)
  status_before TEXT NOT NULL,
  status_after TEXT NOT NULL,
  author TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL         -- ISO 8601 UTC
) STRICT;
CREATE INDEX verdict_overrides_target ON verdict_overrides(target_key, id);
CREATE TRIGGER verdict_overrides_no_update BEFORE UPDATE ON verdict_overrides BEGIN
  SELECT RAISE(ABORT, 'verdict overrides are append-only');
END;
CREATE TRIGGER verdict_overrides_no_delete BEFORE DELETE ON verdict_overrides BEGIN
  SELECT RAISE(ABORT, 'verdict overrides are append-only');
END;

CREATE INDEX comments_status ON comments(status, created_at);
CREATE INDEX targets_topic ON targets(topic);

PRAGMA user_version = 4;
)sql";

// Step 5: the full-text index in two parts, to keep it smaller than the
// text. The word index holds one token per position (bigrams; a run's last
// character alone) with positions, for words and phrases; the character
// index only knows which documents contain each CJK character (detail=none),
// for one-character queries. The body comes first: FTS5 spends extra bytes
// on every token list of any column but the first.
constexpr char kStep5[] = R"sql(
DROP TRIGGER documents_fts_insert;
DROP TRIGGER documents_fts_delete;
DROP TRIGGER documents_fts_update;
DROP TABLE document_fts;

CREATE VIRTUAL TABLE document_fts USING fts5(
  body, title, content='documents', content_rowid='id', tokenize='mubiao');
CREATE VIRTUAL TABLE document_chars USING fts5(
  body, title, content='documents', content_rowid='id', tokenize='mubiao characters',
  detail='none');
-- See step 1: one segment per import batch rather than per megabyte.
INSERT INTO document_fts(document_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO document_chars(document_chars, rank) VALUES ('hashsize', 33554432);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO document_fts(rowid, body, title) VALUES (new.id, new.body, new.title);
  INSERT INTO document_chars(rowid, body, title) VALUES (new.id, new.body, new.title);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO document_fts(document_fts, rowid, body, title)
    VALUES ('delete', old.id, old.body, old.title);
  INSERT INTO document_chars(document_chars, rowid, body, title)
    VALUES ('delete', old.id, old.body, old.title);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents
  WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
  INSERT INTO document_fts(document_fts, rowid, body, title)
    VALUES ('delete', old.id, old.body, old.title);
  INSERT INTO document_fts(rowid, body, title) VALUES (new.id, new.body, new.title);
  INSERT INTO document_chars(document_chars, rowid, body, title)
    VALUES ('delete', old.id, old.body, old.title);
  INSERT INTO document_chars(rowid, body, title) VALUES (new.id, new.body, new.title);
END;
INSERT INTO document_fts(document_fts) VALUES ('rebuild');
INSERT INTO document_chars(document_chars) VALUES ('rebuild');

PRAGMA user_version = 5;
)sql";

// Step 6: finding keys without file paths (store.h FindingKey). Each
// document's text hash; the quote of each override, to re-anchor it when its
// document's text changes; the moves of keys (old key → key in the new
// text). Overrides made under the keys of earlier versions
// ("SOURCE_PATH#BEGIN-END") move to the new keys of their documents.
constexpr char kStep6[] = R"sql(
CREATE TABLE document_keys (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  text_hash TEXT NOT NULL           -- ContentHash of documents.body
) STRICT;
CREATE INDEX document_keys_text_hash ON document_keys(text_hash);

ALTER TABLE verdict_overrides ADD COLUMN quote TEXT NOT NULL DEFAULT '';

-- Derived from the overrides and the texts: rewritten as documents change.
CREATE TABLE target_key_moves (
  from_key TEXT NOT NULL PRIMARY KEY,
  to_key TEXT NOT NULL,
  moved_at TEXT NOT NULL             -- ISO 8601 UTC
) STRICT;

PRAGMA user_version = 6;
)sql";

// The part of step 6 SQL cannot do alone: hashing the stored texts. Then
// the keys of earlier versions, "PATH#BEGIN-END" where PATH may itself hold
// a '#' (FILE#N), move to "TEXTHASH:BEGIN-END".
constexpr char kStep6LegacyKeys[] = R"sql(
INSERT OR IGNORE INTO target_key_moves (from_key, to_key, moved_at)
SELECT DISTINCT o.target_key,
       k.text_hash || ':' || substr(o.target_key, length(rtrim(o.target_key, '0123456789-')) + 1),
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM verdict_overrides o
JOIN documents d
  ON d.source_path = substr(o.target_key, 1, length(rtrim(o.target_key, '0123456789-')) - 1)
JOIN document_keys k ON k.document_id = d.id
WHERE o.target_key LIKE '%#%';
)sql";

// `derive(body)` of every stored document, by id; read in full before any
// is written, so a step may update the documents it reads.
Result<std::vector<std::pair<int64_t, std::string>>> DeriveFromStoredTexts(
    Database* db, std::string (*derive)(std::string_view body)) {
  Result<Statement> read = Statement::Prepare(db, "SELECT id, body FROM documents");
  if (!read.ok()) return read.status();
  std::vector<std::pair<int64_t, std::string>> derived;
  Status ran = ForEachRow(&*read, [&](const Statement& row) {
    derived.emplace_back(row.ColumnInt(0), derive(row.ColumnText(1)));
  });
  if (!ran.ok()) return ran;
  return derived;
}

// Runs `sql` with ?1 the id and ?2 the value of each of `values`, as text or
// as a blob.
Status WriteDerived(Database* db, const char* sql,
                    const std::vector<std::pair<int64_t, std::string>>& values, bool blob) {
  Result<Statement> write = Statement::Prepare(db, sql);
  if (!write.ok()) return write.status();
  for (const auto& [id, value] : values) {
    write->BindInt(1, id);
    if (blob) {
      write->BindBlob(2, value);
    } else {
      write->BindText(2, value);
    }
    Status ran = write->Run();
    if (!ran.ok()) return ran;
  }
  return Status::Ok();
}

Status HashStoredTexts(Database* db) {
  Result<std::vector<std::pair<int64_t, std::string>>> hashes =
      DeriveFromStoredTexts(db, [](std::string_view body) { return ContentHash(body); });
  if (!hashes.ok()) return hashes.status();
  Status written = WriteDerived(
      db, "INSERT INTO document_keys (document_id, text_hash) VALUES (?1, ?2)", *hashes, false);
  if (!written.ok()) return written;
  return db->Exec(kStep6LegacyKeys);
}

// Step 7: report identity (report/identity.h). Every document is a source
// of a report; the other sources of a report point at its primary source,
// the one that lists, search, findings and tracking show. The full-text
// indexes hold primaries only: their triggers follow primary_id.
constexpr char kStep7[] = R"sql(
-- text::EncodeFingerprint of the body (derived; NULL until computed).
ALTER TABLE documents ADD COLUMN fingerprint BLOB;
-- The report's primary source; NULL when this document is the primary.
-- Rewritten with every write (IdentifyReports), so no foreign key: a
-- primary may be deleted and its sources regrouped in one transaction.
ALTER TABLE documents ADD COLUMN primary_id INTEGER;
CREATE INDEX documents_primary ON documents(primary_id);

DROP TRIGGER documents_fts_insert;
DROP TRIGGER documents_fts_delete;
DROP TRIGGER documents_fts_update;
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents WHEN new.primary_id IS NULL BEGIN
  INSERT INTO document_fts(rowid, body, title) VALUES (new.id, new.body, new.title);
  INSERT INTO document_chars(rowid, body, title) VALUES (new.id, new.body, new.title);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents WHEN old.primary_id IS NULL BEGIN
  INSERT INTO document_fts(document_fts, rowid, body, title)
    VALUES ('delete', old.id, old.body, old.title);
  INSERT INTO document_chars(document_chars, rowid, body, title)
    VALUES ('delete', old.id, old.body, old.title);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents
  WHEN old.primary_id IS NULL AND new.primary_id IS NULL
   AND (old.title IS NOT new.title OR old.body IS NOT new.body) BEGIN
  INSERT INTO document_fts(document_fts, rowid, body, title)
    VALUES ('delete', old.id, old.body, old.title);
  INSERT INTO document_fts(rowid, body, title) VALUES (new.id, new.body, new.title);
  INSERT INTO document_chars(document_chars, rowid, body, title)
    VALUES ('delete', old.id, old.body, old.title);
  INSERT INTO document_chars(rowid, body, title) VALUES (new.id, new.body, new.title);
END;
-- A primary that becomes another report's source leaves the indexes (with
-- the text it was indexed with); a source that becomes a primary enters.
CREATE TRIGGER documents_fts_leave AFTER UPDATE OF primary_id ON documents
  WHEN old.primary_id IS NULL AND new.primary_id IS NOT NULL BEGIN
  INSERT INTO document_fts(document_fts, rowid, body, title)
    VALUES ('delete', old.id, old.body, old.title);
  INSERT INTO document_chars(document_chars, rowid, body, title)
    VALUES ('delete', old.id, old.body, old.title);
END;
CREATE TRIGGER documents_fts_enter AFTER UPDATE OF primary_id ON documents
  WHEN old.primary_id IS NOT NULL AND new.primary_id IS NULL BEGIN
  INSERT INTO document_fts(rowid, body, title) VALUES (new.id, new.body, new.title);
  INSERT INTO document_chars(rowid, body, title) VALUES (new.id, new.body, new.title);
END;

PRAGMA user_version = 7;
)sql";

// Step 8: a target's or outcome's yearly average over a period (年均:
// targets::Finding::average). Rows of earlier extractors read 0 until
// rederived (the extractor version says which).
constexpr char kStep8[] = R"sql(
ALTER TABLE targets ADD COLUMN average INTEGER NOT NULL DEFAULT 0 CHECK (average IN (0, 1));
ALTER TABLE outcomes ADD COLUMN average INTEGER NOT NULL DEFAULT 0 CHECK (average IN (0, 1));

PRAGMA user_version = 8;
)sql";

// Step 9: tracking's verdicts, stored (derived data: src/tracking computes
// them, place by place, and rewrites a place's whenever one of its documents
// changes). documents.tracking_version is the tracking version whose
// verdicts cover the document's place; 0 marks the place for re-tracking,
// which triggers do on every change that can alter a place's verdicts.
constexpr char kStep9[] = R"sql(
ALTER TABLE documents ADD COLUMN tracking_version INTEGER NOT NULL DEFAULT 0;
-- Which places need tracking, without reading the documents' rows (their
-- text comes before this column).
CREATE INDEX documents_tracking ON documents(tracking_version, region_code);

CREATE TABLE verdicts (
  finding_kind TEXT NOT NULL CHECK (finding_kind IN ('target', 'commitment')),
  finding_id INTEGER NOT NULL,     -- targets.id or commitments.id
  status TEXT NOT NULL,            -- as derived (overrides are applied on reading)
  indicator_id TEXT NOT NULL,      -- the canonical indicator, '' when unread
  outcome_id INTEGER,              -- outcomes.id of the outcome judged
  detail TEXT NOT NULL,            -- the reason and its parameters, tracking's encoding
  PRIMARY KEY (finding_kind, finding_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX verdicts_indicator ON verdicts(indicator_id);
-- Counts of targets by year and topic (the explorer, the home page) without
-- reading the targets' rows.
CREATE INDEX targets_document_year_topic ON targets(document_id, year, topic);

CREATE TRIGGER targets_verdict_delete AFTER DELETE ON targets BEGIN
  DELETE FROM verdicts WHERE finding_kind = 'target' AND finding_id = old.id;
END;
CREATE TRIGGER commitments_verdict_delete AFTER DELETE ON commitments BEGIN
  DELETE FROM verdicts WHERE finding_kind = 'commitment' AND finding_id = old.id;
END;
-- A place's verdicts read its documents' findings and which of them are
-- primaries: a changed, regrouped, moved or deleted document re-tracks it.
-- Documents of no known region (NULL) are one place of their own.
CREATE TRIGGER documents_track_update
  AFTER UPDATE OF primary_id, region_code, extractor_version, year, doc_type ON documents BEGIN
  UPDATE documents SET tracking_version = 0
   WHERE (region_code IS old.region_code OR region_code IS new.region_code)
     AND tracking_version != 0;
END;
CREATE TRIGGER documents_track_delete AFTER DELETE ON documents BEGIN
  UPDATE documents SET tracking_version = 0
   WHERE region_code IS old.region_code AND tracking_version != 0;
END;

PRAGMA user_version = 9;
)sql";

// Step 10: for the targets explorer, a word index of the targets' indicators
// (the search tokenizer's bigrams with positions), so that "indicator
// contains" finds its targets without reading every target's indicator, and
// an index of documents in listing order.
constexpr char kStep10[] = R"sql(
CREATE VIRTUAL TABLE target_indicators USING fts5(
  indicator, content='targets', content_rowid='id', tokenize='mubiao');
INSERT INTO target_indicators(target_indicators, rank) VALUES ('hashsize', 33554432);
INSERT INTO target_indicators(target_indicators) VALUES ('rebuild');
CREATE TRIGGER targets_indicator_insert AFTER INSERT ON targets BEGIN
  INSERT INTO target_indicators(rowid, indicator) VALUES (new.id, new.indicator);
END;
CREATE TRIGGER targets_indicator_delete AFTER DELETE ON targets BEGIN
  INSERT INTO target_indicators(target_indicators, rowid, indicator)
    VALUES ('delete', old.id, old.indicator);
END;
CREATE TRIGGER targets_indicator_update AFTER UPDATE OF indicator ON targets
  WHEN old.indicator IS NOT new.indicator BEGIN
  INSERT INTO target_indicators(target_indicators, rowid, indicator)
    VALUES ('delete', old.id, old.indicator);
  INSERT INTO target_indicators(rowid, indicator) VALUES (new.id, new.indicator);
END;

-- Documents newest first, as listings order them, with what tells a
-- report's primary source: the first page of every target needs no sort.
CREATE INDEX documents_newest ON documents(year, date, id, primary_id);

PRAGMA user_version = 10;
)sql";

// Step 11: counts of targets by strength and topic read from indexes alone
// (with the document, to leave out sources that are not their report's
// primary one) instead of joining every target to its document.
constexpr char kStep11[] = R"sql(
DROP INDEX targets_topic;
CREATE INDEX targets_topic ON targets(topic, document_id);
CREATE INDEX targets_strength ON targets(strength, topic, document_id);

PRAGMA user_version = 11;
)sql";

// Step 12: the counts of reports' targets by topic, strength and year, kept so
// that the home page and the unfiltered explorer read a few rows, not every
// target. Any write to targets, or a change of which document is a report's
// primary source, empties them (reads then count from the indexes) until
// RefreshStatistics counts them again.
constexpr char kStep12[] = R"sql(
CREATE TABLE target_totals (
  topic TEXT,
  strength TEXT,
  year INTEGER,
  n INTEGER NOT NULL
);
INSERT INTO target_totals (topic, strength, year, n)
  SELECT f.topic, f.strength, f.year, count(*) FROM targets f
  WHERE f.document_id NOT IN (SELECT id FROM documents WHERE primary_id IS NOT NULL)
  GROUP BY f.topic, f.strength, f.year;
CREATE TRIGGER target_totals_insert AFTER INSERT ON targets BEGIN
  DELETE FROM target_totals;
END;
CREATE TRIGGER target_totals_delete AFTER DELETE ON targets BEGIN
  DELETE FROM target_totals;
END;
CREATE TRIGGER target_totals_update AFTER UPDATE OF topic, strength, year, document_id ON targets
BEGIN
  DELETE FROM target_totals;
END;
CREATE TRIGGER target_totals_primary AFTER UPDATE OF primary_id ON documents
  WHEN old.primary_id IS NOT new.primary_id BEGIN
  DELETE FROM target_totals;
END;

PRAGMA user_version = 12;
)sql";

// Step 13: a verdict keeps its finding's year beside its indicator, so that
// one indicator's verdicts of one year (an escalation view, the map) are
// found from an index alone, not by reading the finding of every year's
// verdict of that indicator. The year leads: without one, SQLite keeps to
// verdicts_indicator, whose order (by finding) reads the findings in the
// order they are stored.
constexpr char kStep13[] = R"sql(
ALTER TABLE verdicts ADD COLUMN year INTEGER;
UPDATE verdicts SET year = (SELECT year FROM targets WHERE id = finding_id)
  WHERE finding_kind = 'target';
UPDATE verdicts SET year = (SELECT year FROM commitments WHERE id = finding_id)
  WHERE finding_kind = 'commitment';
CREATE INDEX verdicts_year_indicator ON verdicts(year, indicator_id);
CREATE TRIGGER targets_verdict_year AFTER UPDATE OF year ON targets BEGIN
  UPDATE verdicts SET year = new.year WHERE finding_kind = 'target' AND finding_id = new.id;
END;
CREATE TRIGGER commitments_verdict_year AFTER UPDATE OF year ON commitments BEGIN
  UPDATE verdicts SET year = new.year WHERE finding_kind = 'commitment' AND finding_id = new.id;
END;

PRAGMA user_version = 13;
)sql";

// Step 14: what the portal's processes share (store.h, SharedKind), so that
// several processes, on one machine or many, serve as one site. Expiry is
// in milliseconds since the Unix epoch; the index finds expired entries.
constexpr char kStep14[] = R"sql(
CREATE TABLE shared_state (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  value BLOB NOT NULL,
  expires_ms INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX shared_state_expiry ON shared_state(expires_ms);

PRAGMA user_version = 14;
)sql";

// Step 15: supervision ledgers (src/ducha): a report's tasks, the units'
// progress reports, supervision notices (督办单) and replies, and the audit
// log of every change. Progress, notices, replies and the log are
// append-only: the store refuses to change or delete them, so what was
// reported, by whom and when, stays as it was.
constexpr char kStep15[] = R"sql(
CREATE TABLE ledgers (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL,
  region_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE ledger_tasks (
  id INTEGER PRIMARY KEY,
  ledger_id INTEGER NOT NULL REFERENCES ledgers(id),
  parent_id INTEGER REFERENCES ledger_tasks(id),
  number TEXT NOT NULL,
  text TEXT NOT NULL,
  indicator TEXT NOT NULL,
  target_value REAL,
  unit TEXT NOT NULL,
  cmp TEXT NOT NULL,
  deadline TEXT NOT NULL,
  due TEXT NOT NULL,
  topic TEXT NOT NULL,
  section TEXT NOT NULL,
  finding_key TEXT NOT NULL,
  lead_unit TEXT NOT NULL,
  co_units TEXT NOT NULL,
  leader TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ledger_tasks_ledger ON ledger_tasks(ledger_id, id);
CREATE TABLE ledger_progress (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES ledger_tasks(id),
  date TEXT NOT NULL,
  value REAL,
  share REAL,
  done TEXT NOT NULL,
  problems TEXT NOT NULL,
  next_steps TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX ledger_progress_task ON ledger_progress(task_id, date, id);
CREATE TABLE ledger_notices (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES ledger_tasks(id),
  reason TEXT NOT NULL,
  reply_by TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  issued_at TEXT NOT NULL
);
CREATE INDEX ledger_notices_task ON ledger_notices(task_id, id);
CREATE TABLE ledger_notice_replies (
  id INTEGER PRIMARY KEY,
  notice_id INTEGER NOT NULL REFERENCES ledger_notices(id),
  reply TEXT NOT NULL,
  replied_by TEXT NOT NULL,
  replied_at TEXT NOT NULL
);
CREATE INDEX ledger_notice_replies_notice ON ledger_notice_replies(notice_id, id);
CREATE TABLE ledger_audit (
  id INTEGER PRIMARY KEY,
  ledger_id INTEGER NOT NULL REFERENCES ledgers(id),
  task_id INTEGER,
  actor TEXT NOT NULL,
  made_at TEXT NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL
);
CREATE INDEX ledger_audit_ledger ON ledger_audit(ledger_id, id);
CREATE TRIGGER ledger_progress_no_update BEFORE UPDATE ON ledger_progress BEGIN
  SELECT RAISE(ABORT, 'ledger progress is append-only');
END;
CREATE TRIGGER ledger_progress_no_delete BEFORE DELETE ON ledger_progress BEGIN
  SELECT RAISE(ABORT, 'ledger progress is append-only');
END;
CREATE TRIGGER ledger_audit_no_update BEFORE UPDATE ON ledger_audit BEGIN
  SELECT RAISE(ABORT, 'the ledger audit log is append-only');
END;
CREATE TRIGGER ledger_audit_no_delete BEFORE DELETE ON ledger_audit BEGIN
  SELECT RAISE(ABORT, 'the ledger audit log is append-only');
END;
CREATE TRIGGER ledger_notices_no_update BEFORE UPDATE ON ledger_notices BEGIN
  SELECT RAISE(ABORT, 'supervision notices are append-only');
END;
CREATE TRIGGER ledger_notices_no_delete BEFORE DELETE ON ledger_notices BEGIN
  SELECT RAISE(ABORT, 'supervision notices are append-only');
END;
CREATE TRIGGER ledger_notice_replies_no_update BEFORE UPDATE ON ledger_notice_replies BEGIN
  SELECT RAISE(ABORT, 'supervision notices are append-only');
END;
CREATE TRIGGER ledger_notice_replies_no_delete BEFORE DELETE ON ledger_notice_replies BEGIN
  SELECT RAISE(ABORT, 'supervision notices are append-only');
END;

PRAGMA user_version = 15;
)sql";

// Step 16: who works on a government's ledgers (ducha/access.h): the
// units of each government, the accounts of its supervision office, units
// and viewers (password hashes made by the portal), and whether its tasks
// are shown to the public; and an index for one task's history.
constexpr char kStep16[] = R"sql(
CREATE TABLE ducha_units (
  region_code TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (region_code, name)
);
CREATE TABLE ducha_accounts (
  name TEXT NOT NULL PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  region_code TEXT NOT NULL,
  unit TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX ducha_accounts_region ON ducha_accounts(region_code, name);
CREATE TABLE ducha_public (
  region_code TEXT NOT NULL PRIMARY KEY,
  shown INTEGER NOT NULL,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE INDEX ledger_audit_task ON ledger_audit(task_id, id);

PRAGMA user_version = 16;
)sql";

// Step 17: milestones (节点目标) the office sets on a ledger's tasks
// (ducha::Milestone). Append-only like the progress reports: a later
// milestone of the same date supersedes an earlier one, which is kept.
constexpr char kStep17[] = R"sql(
CREATE TABLE ledger_milestones (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES ledger_tasks(id),
  date TEXT NOT NULL,
  value REAL,
  share REAL,
  step TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX ledger_milestones_task ON ledger_milestones(task_id, date, id);
CREATE TRIGGER ledger_milestones_no_update BEFORE UPDATE ON ledger_milestones BEGIN
  SELECT RAISE(ABORT, 'ledger milestones are append-only');
END;
CREATE TRIGGER ledger_milestones_no_delete BEFORE DELETE ON ledger_milestones BEGIN
  SELECT RAISE(ABORT, 'ledger milestones are append-only');
END;

PRAGMA user_version = 17;
)sql";

// The part of step 7 SQL cannot do alone: fingerprinting the stored texts
// and grouping them into reports.
Status FingerprintStoredTexts(Database* db) {
  Result<std::vector<std::pair<int64_t, std::string>>> fingerprints = DeriveFromStoredTexts(
      db, [](std::string_view body) { return text::EncodeFingerprint(text::FingerprintOf(body)); });
  if (!fingerprints.ok()) return fingerprints.status();
  Status written =
      WriteDerived(db, "UPDATE documents SET fingerprint = ?2 WHERE id = ?1", *fingerprints, true);
  if (!written.ok()) return written;
  return IdentifyStoredReports(db).status();
}

// A step: SQL, then (for a few steps) what only C++ can compute.
struct Step {
  const char* sql;
  Status (*after)(Database* db);
};

constexpr Step kSteps[] = {{kStep1, nullptr},
                           {kStep2, nullptr},
                           {kStep3, nullptr},
                           {kStep4, nullptr},
                           {kStep5, nullptr},
                           {kStep6, HashStoredTexts},
                           {kStep7, FingerprintStoredTexts},
                           {kStep8, nullptr},
                           {kStep9, nullptr},
                           {kStep10, nullptr},
                           {kStep11, nullptr},
                           {kStep12, nullptr},
                           {kStep13, nullptr},
                           {kStep14, nullptr},
                           {kStep15, nullptr},
                           {kStep16, nullptr},
                           {kStep17, nullptr}};
static_assert(sizeof(kSteps) / sizeof(kSteps[0]) == kSchemaVersion);

}  // namespace

Result<int> SchemaVersion(Database* db) {
  Result<Statement> pragma =
      Statement::Prepare(db, db->dialect() == Dialect::kSqlite
                                 ? "PRAGMA user_version"
                                 : "SELECT coalesce(max(version), 0) FROM schema_version");
  if (!pragma.ok()) return pragma.status();
  Result<bool> row = pragma->Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(pragma->ColumnInt(0));
}

Status MigrateSchema(Database* db, int version) {
  if (db->dialect() == Dialect::kPostgres) return MigratePostgresSchema(db);
  Result<int> current = SchemaVersion(db);
  if (!current.ok()) return current.status();
  if (*current > version) {
    return Unsupported("database schema version " + std::to_string(*current) +
                       " is newer than this mubiao (" + std::to_string(version) + ")");
  }
  for (int step = *current + 1; step <= version; ++step) {
    Result<Transaction> txn = Transaction::Begin(db);
    if (!txn.ok()) return txn.status();
    // Another process may have migrated while this one waited for the lock.
    Result<int> now = SchemaVersion(db);
    if (!now.ok()) return now.status();
    if (*now >= step) continue;
    const Step& run = kSteps[step - 1];
    Status ran = db->Exec(run.sql);
    if (ran.ok() && run.after != nullptr) ran = run.after(db);
    if (!ran.ok()) {
      return Status(ran.code(), "schema migration to version " + std::to_string(step) +
                                    " failed: " + ran.message());
    }
    Status committed = txn->Commit();
    if (!committed.ok()) return committed;
  }
  return Status::Ok();
}

}  // namespace mubiao::store
