import DeckKit
import GRDBSQLite
import StudyCore

/// The columns of the row a statement is on, read with SQLite's own calls:
/// for the reads that take 100,000 rows at once (the cards), where GRDB's
/// general decoding, a string made for every id and for every ISO time, was
/// most of the time. Each call reads one column of the current row; NULL
/// reads as nil.
enum SQLiteColumns {
    static func integer(_ statement: OpaquePointer, _ column: Int32) -> Int {
        Int(sqlite3_column_int64(statement, column))
    }

    static func optionalInteger(_ statement: OpaquePointer, _ column: Int32) -> Int? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, column))
    }

    static func optionalDouble(_ statement: OpaquePointer, _ column: Int32) -> Double? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_double(statement, column)
    }

    /// A TEXT column's UTF-8 bytes, valid until the statement moves on.
    static func withText<Result>(_ statement: OpaquePointer, _ column: Int32,
                                 _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        guard sqlite3_column_type(statement, column) != SQLITE_NULL, let text = sqlite3_column_text(statement, column)
        else { return body(nil) }
        return body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
    }

    static func factID(_ statement: OpaquePointer, _ column: Int32) -> FactID {
        withText(statement, column) { bytes in
            // (Bytes that are not UTF-8, only in a store edited by hand, read as GRDB reads them.)
            bytes.map { FactID(utf8: $0) ?? FactID(rawValue: String(decoding: $0, as: UTF8.self)) } ?? FactID(rawValue: "")
        }
    }

    /// An ISO-8601 time; nil for NULL or a text that is not one (as
    /// `Timestamp(iso8601:)` reads a string).
    static func timestamp(_ statement: OpaquePointer, _ column: Int32) -> Timestamp? {
        withText(statement, column) { bytes in bytes.flatMap(Timestamp.init(iso8601:)) }
    }
}
