//! Files in and out: CSV import (decoding what spreadsheets write) and export.
//! No SQL here: resolving clients and writing happen in `ops::import`.

pub mod csv_export;
pub mod csv_import;
pub mod decode;
