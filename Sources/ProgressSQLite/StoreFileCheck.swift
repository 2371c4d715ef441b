#if canImport(Glibc)
import Glibc
#endif

/// Looks at the store's file and folder before SQLite touches them, so a
/// foreign, truncated or read-only file is refused without a byte written.
enum StoreFileCheck {
    /// What the path holds.
    enum Finding: Equatable {
        /// No file yet: it will be created (folder 0700, file 0600).
        case absent
        /// An empty file (as a crash during creation may leave).
        case empty
        /// A file that starts like an SQLite database.
        case sqlite
    }

    /// - Parameter forWriting: false for a store only read (`stats`,
    ///   `export`): then a read-only file or folder is fine.
    static func inspect(_ path: String, forWriting: Bool = true) throws(StoreOpenError) -> Finding {
        let folder = parentFolder(of: path)
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else {
                throw .unusable(path, detail: String(cString: strerror(errno)))
            }
            if forWriting { try checkFolderWritable(folder, for: path) }
            return .absent
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw StoreOpenError(path: path, reason: "is a folder; give the path of a file with --store")
        }
        if forWriting {
            if !isWritable(path, mode: info.st_mode) { throw .readOnly(path) }
            try checkFolderWritable(folder, for: path)
        }
        if info.st_size == 0 { return .empty }

        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unusable(path, detail: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 100) }
        let magic = Array("SQLite format 3\0".utf8)
        guard count >= 16, Array(header[0..<16]) == magic else { throw .notADatabase(path) }
        guard count == 100 else { throw .damaged(path, detail: "the header is cut short") }
        var pageSize = Int(header[16]) << 8 | Int(header[17])
        if pageSize == 1 { pageSize = 65536 }
        guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else {
            throw .damaged(path, detail: "the page size in its header is \(pageSize)")
        }
        if Int(info.st_size) % pageSize != 0 {
            throw .damaged(path, detail: "\(info.st_size) bytes is not a whole number of \(pageSize)-byte pages")
        }
        let pagesInHeader = Int(header[28]) << 24 | Int(header[29]) << 16 | Int(header[30]) << 8 | Int(header[31])
        if pagesInHeader > 0 && Int(info.st_size) / pageSize < pagesInHeader && !hasWriteAheadLog(path) {
            throw .damaged(path, detail: "\(Int(info.st_size) / pageSize) of \(pagesInHeader) pages are there")
        }
        return .sqlite
    }

    /// Creates the folder (0700) and an empty file (0600) for a new store.
    static func create(_ path: String) throws(StoreOpenError) {
        let folder = parentFolder(of: path)
        try makeFolders(folder, for: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 && errno != EEXIST {
            throw .unusable(path, detail: String(cString: strerror(errno)))
        }
        if descriptor >= 0 { close(descriptor) }
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    private static func makeFolders(_ folder: String, for path: String) throws(StoreOpenError) {
        var info = stat()
        if stat(folder, &info) == 0 { return }
        let parent = parentFolder(of: folder)
        if parent != folder { try makeFolders(parent, for: path) }
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw .unusable(path, detail: "cannot create \(folder): \(String(cString: strerror(errno)))")
        }
    }

    private static func checkFolderWritable(_ folder: String, for path: String) throws(StoreOpenError) {
        var info = stat()
        var existing = folder
        // The nearest folder that exists is the one that must be writable.
        while stat(existing, &info) != 0 {
            let parent = parentFolder(of: existing)
            if parent == existing { return }
            existing = parent
        }
        if !isWritable(existing, mode: info.st_mode) { throw .folderReadOnly(path, folder: existing) }
    }

    /// Writable for this user, and not marked read-only in its mode (root may
    /// write anything, but a 0444 file still means "do not write").
    private static func isWritable(_ path: String, mode: mode_t) -> Bool {
        access(path, W_OK) == 0 && (mode & S_IWUSR) != 0
    }

    /// The real file `path` names (symbolic links followed), or `path`
    /// itself when it cannot be resolved (not made yet).
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Whether a `-wal` or `-shm` file is beside the database.
    static func hasWriteAheadLogFiles(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) == 0 || stat(path + "-shm", &info) == 0
    }

    /// Whether `path` is a file of 0 bytes.
    /// The file's size in bytes (0 when it cannot be read).
    static func size(of path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }

    static func isEmptyFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_size == 0
    }

    /// Whether this user may write `path` and its mode does not forbid it.
    static func mayWrite(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && isWritable(path, mode: info.st_mode)
    }

    private static func hasWriteAheadLog(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) == 0 && info.st_size > 0
    }
}
