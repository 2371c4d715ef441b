import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import DeckKit

/// A fresh temporary folder for files written by one test.
struct TemporaryFolder {
    let path: String

    init() {
        var template = Array("/tmp/awsml-deckkit-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    func write(_ name: String, bytes: [UInt8]) -> String {
        let file = path + "/" + name
        let handle = fopen(file, "wb")!
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        fclose(handle)
        return file
    }
}

@Suite("Bad input")
struct BadInputTests {
    let folder = TemporaryFolder()

    private func error(loading path: String) -> DeckLoadError? {
        do {
            _ = try DeckLoader.load(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func missingFile() {
        let path = folder.path + "/nope.md"
        #expect(error(loading: path) == DeckLoadError(file: path, reason: .notFound))
        #expect(error(loading: path)?.description == "\(path): no such file")
    }

    @Test func aFolder() {
        #expect(error(loading: folder.path)?.reason == .isFolder)
    }

    @Test func notUTF8NamesTheLine() {
        let path = folder.write("latin1.md", bytes: Array("# T\n- ok\n- caf".utf8) + [0xE9] + Array(" au lait\n".utf8))
        let failure = error(loading: path)
        #expect(failure == DeckLoadError(file: path, line: 3, reason: .notUTF8))
        #expect(failure?.description == "\(path): line 3: not valid UTF-8 text")
    }

    @Test func truncatedSequenceAtTheEnd() {
        let path = folder.write("cut.md", bytes: Array("# T\n- ok ".utf8) + [0xE2, 0x82])
        #expect(error(loading: path) == DeckLoadError(file: path, line: 2, reason: .notUTF8))
    }

    @Test func emptyAndBlankFiles() {
        let empty = folder.write("empty.md", bytes: [])
        let blank = folder.write("blank.md", bytes: Array(" \n\t\r\n".utf8))
        #expect(error(loading: empty)?.reason == .empty)
        #expect(error(loading: blank)?.reason == .empty)
    }

    @Test func binaryFile() {
        let path = folder.write("image.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        #expect(error(loading: path)?.reason == .binary)
    }

    @Test func noFactsFound() {
        let path = folder.write("prose.md", bytes: Array("---\ntitle: x\n---\n# Only prose\n\nA paragraph.\n".utf8))
        #expect(error(loading: path)?.reason == .noFacts)
        let onlyFrontMatter = folder.write("fm.md", bytes: Array("---\ntitle: x\n---\n".utf8))
        #expect(error(loading: onlyFrontMatter)?.reason == .noFacts)
    }

    /// A FIFO would block the open until something wrote to it, and a
    /// device may never end: both are refused at once, with one line.
    @Test func aPipeOrADeviceIsRefusedWithoutWaiting() throws {
        let fifo = folder.path + "/notes.md"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Nothing ever writes to it: a load that opened it would hang this test.
        #expect(error(loading: fifo)?.reason == .notRegularFile)
        #expect(error(loading: "/dev/zero")?.reason == .notRegularFile)
        #expect(error(loading: "/dev/null")?.reason == .notRegularFile)
        #expect(DeckLoadError(file: fifo, reason: .notRegularFile).description
                == "\(fifo): is not a regular file (a pipe, socket or device); give the path of a Markdown file")
    }

    @Test func aGoodFileLoadsFromDisk() throws {
        let path = folder.write("good.md", bytes: Array("\u{FEFF}## T\n- fact\n".utf8))
        let deck = try DeckLoader.load(path: path)
        #expect(deck.file == path)
        #expect(deck.title == "good")
        #expect(deck.root.children[0].facts.map(\.text.plainText) == ["fact"])
    }
}

@Suite("Names from outside the post")
struct OutsideNameTests {
    let folder = TemporaryFolder()

    /// A deck titled by its file name shows controls in it as the terminal
    /// does, like a front matter title: the title is printed and drawn
    /// everywhere.
    @Test func aTitleFromTheFileNameHoldsNoControls() throws {
        let deck = try DeckLoader.load(text: "## T\n### A\n- a fact here\n", file: "/tmp/inj\u{1B}]0;owned\u{07}\nline.md")
        #expect(deck.title == "inj\u{FFFD}]0;owned\u{FFFD}\u{FFFD}line")
        #expect(deck.file == "/tmp/inj\u{1B}]0;owned\u{07}\nline.md")
    }

    /// A file named in Latin-1 (`caf\xe9.md`) is opened by its bytes.
    @Test func aNameThatIsNotUTF8IsOpenedByItsBytes() throws {
        let folderBytes = Array(folder.path.utf8)
        let name: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x2E, 0x6D, 0x64]
        let path = folderBytes + [0x2F] + name
        let handle = fopen(path.map { CChar(bitPattern: $0) } + [0], "wb")!
        let text = Array("## T\n### A\n- a fact here\n".utf8)
        _ = text.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        fclose(handle)
        let shown = folder.path + "/caf\u{FFFD}.md"
        let deck = try DeckLoader.load(path: path, file: shown)
        #expect(deck.file == shown)
        #expect(deck.title == "caf\u{FFFD}")
        #expect(deck.summary.facts == 1)
        #expect(throws: DeckLoadError(file: shown, reason: .notFound)) {
            try DeckLoader.load(path: folderBytes + [0x2F, 0x78, 0xE9], file: shown)
        }
    }
}
