import Foundation
import Testing

@testable import Portal

#if canImport(Glibc)
    import Glibc
#endif

/// PDFFacts against PDFs WeasyPrint made (Fixtures/pdf, from make-fixtures.sh there) and
/// PDFs written here by hand (`HandMadePDF`), for what a generator would not write.
@Suite struct PDFFactsTests {
    static let folder = "\(Repo.fixtures)/pdf"

    static func fixture(_ name: String) -> String { "\(folder)/\(name)" }

    static func bytes(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: fixture(name))!)
    }

    /// Reads a fixture both from its path and from its bytes, expecting the same.
    func read(_ name: String) throws -> PDFFacts {
        let fromPath = try PDFFacts.read(path: Self.fixture(name))
        let fromBytes = try PDFFacts.read(data: Self.bytes(name), name: name)
        #expect(fromPath == fromBytes)
        return fromPath
    }

    /// The failure reading a fixture throws, from its path and from its bytes (the same).
    func refusal(of name: String) -> PDFFacts.Failure? {
        let fromPath = refusal { () throws(PDFFacts.Failure) in try PDFFacts.read(path: Self.fixture(name)) }
        let fromBytes = refusal { () throws(PDFFacts.Failure) in try PDFFacts.read(data: Self.bytes(name), name: name) }
        #expect(fromPath?.reason == fromBytes?.reason)
        return fromPath
    }

    /// The failure `read` throws; an issue if it reads.
    func refusal(_ read: () throws(PDFFacts.Failure) -> PDFFacts) -> PDFFacts.Failure? {
        do {
            let facts = try read()
            Issue.record("read as \(facts)")
            return nil
        } catch {
            return error
        }
    }

    // MARK: Files from WeasyPrint

    @Test func aTaggedPDFWithTitleAndLanguage() throws {
        #expect(
            try read("tagged.pdf")
                == PDFFacts(pageCount: 2, title: "Safer sleep for babies: a short guide", language: "en-GB", tagged: true))
    }

    @Test func anUntaggedPDFWithoutTitleOrLanguage() throws {
        #expect(try read("untagged.pdf") == PDFFacts(pageCount: 1, title: nil, language: nil, tagged: false))
    }

    /// WeasyPrint writes this title as UTF-16 (with a byte order mark); `qpdf_get_info_key`
    /// would give those bytes as they are.
    @Test func aTitleOutsideASCIIIsDecoded() throws {
        let facts = try read("welsh-title.pdf")
        #expect(facts.title == "Cymraeg: Diogelu plant — ‘private fostering’")
        #expect(facts.language == "cy")
        #expect(facts.pageCount == 1 && facts.tagged)
    }

    @Test func aPDFWithOnlyAnOwnerPasswordIsRead() throws {
        #expect(try read("owner-password.pdf") == PDFFacts(pageCount: 1, title: "Locked leaflet", language: nil, tagged: false))
    }

    // MARK: Files that are refused

    @Test func aPDFThatNeedsAPasswordIsRefused() {
        let failure = refusal(of: "password.pdf")
        #expect(failure?.reason == .needsPassword)
        #expect(failure?.message == "this is not a PDF that can be read: it is protected by a password")
        #expect(failure?.hint.contains("without the password") == true)
    }

    @Test func aPDFCutInHalfIsRefused() {
        let failure = refusal(of: "truncated.pdf")
        #expect(failure?.reason == .damaged)
        #expect(failure?.message == "this is not a PDF that can be read: it is damaged, or not a PDF at all")
        #expect(failure?.description.hasPrefix("\(Self.fixture("truncated.pdf")): this is not a PDF that can be read") == true)
        #expect(failure?.detail.isEmpty == false)
    }

    /// A file whose cross-reference table is in the wrong place is repaired by qpdf, which
    /// finds the objects and the trailer by looking: accepted, as a PDF reader would open it.
    @Test func aPDFQPDFCanRepairIsRead() throws {
        var pdf = HandMadePDF(pages: 3, title: "(Repaired)")
        pdf.tableMoved = 17
        #expect(try pdf.facts() == PDFFacts(pageCount: 3, title: "Repaired", language: nil, tagged: false))
    }

    /// qpdf 11.3 rebuilds a lost cross-reference table from a `trailer` dictionary only:
    /// WeasyPrint's files have a cross-reference stream instead, so without their last 40
    /// bytes (`startxref` and `%%EOF`) they cannot be read.
    @Test func aWeasyPrintPDFMissingItsEndIsRefused() {
        let cut = Array(Self.bytes("tagged.pdf").dropLast(40))
        #expect(refusal { () throws(PDFFacts.Failure) in try PDFFacts.read(data: cut, name: "cut.pdf") }?.reason == .damaged)
    }

    @Test func aFileThatIsNotAPDFIsRefused() {
        #expect(refusal(of: "not-a-pdf.pdf")?.reason == .damaged)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64)
        #expect(refusal { () throws(PDFFacts.Failure) in try PDFFacts.read(data: png, name: "logo.png") }?.reason == .damaged)
        #expect(refusal { () throws(PDFFacts.Failure) in try PDFFacts.read(data: Data("%PDF-1.7\n".utf8), name: "header.pdf") }?.reason == .damaged)
    }

    @Test func anEmptyFileIsRefused() throws {
        #expect(refusal { () throws(PDFFacts.Failure) in try PDFFacts.read(data: [], name: "empty.pdf") }?.reason == .empty)
        let folder = NSTemporaryDirectory() + "portal-pdf-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: "\(folder)/empty.pdf", contents: Data())
        let failure = refusal { () throws(PDFFacts.Failure) in try PDFFacts.read(path: "\(folder)/empty.pdf") }
        #expect(failure?.reason == .empty)
        #expect(failure?.message == "this is not a PDF that can be read: the file is empty")
    }

    /// A missing file, a folder, and a named pipe (which would wait for a writer forever if
    /// it were opened) are refused without being read.
    @Test(.timeLimit(.minutes(1))) func onlyAFileIsOpened() throws {
        let folder = NSTemporaryDirectory() + "portal-pdf-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo("\(folder)/pipe.pdf", 0o600) == 0)
        for path in ["\(folder)/missing.pdf", folder, "\(folder)/pipe.pdf"] {
            let failure = refusal { () throws(PDFFacts.Failure) in try PDFFacts.read(path: path) }
            #expect(failure?.reason == .cannotOpen, "\(path)")
        }
        let missing = refusal { () throws(PDFFacts.Failure) in try PDFFacts.read(path: "\(folder)/missing.pdf") }
        #expect(missing?.message == "this file could not be opened (No such file or directory)")
    }

    // MARK: PDFs written by hand

    @Test func titlesInPDFDocEncodingAndUTF16() throws {
        // PDFDocEncoding: \351 is é, \204 an em dash.
        var pdf = HandMadePDF(title: #"(Caf\351 \204 training)"#)
        #expect(try pdf.facts().title == "Café — training")
        // UTF-16BE with its byte order mark, ending in a NUL as some programs write it.
        pdf.title = "<FEFF 0044 0079 0073 0067 0075 00B7 0000>"
        #expect(try pdf.facts().title == "Dysgu·")
        // UTF-8 with its byte order mark, as PDF 2.0 allows.
        pdf.title = "<EFBBBF 436166C3A9>"
        #expect(try pdf.facts().title == "Café")
        pdf.title = "(  \t )"
        #expect(try pdf.facts().title == nil)
        pdf.title = "/NotAString"
        #expect(try pdf.facts().title == nil)
        pdf.title = "(  Spaced out  )"
        #expect(try pdf.facts().title == "Spaced out")
    }

    @Test func languageFromTheCatalog() throws {
        var pdf = HandMadePDF(lang: "(cy-GB)")
        #expect(try pdf.facts().language == "cy-GB")
        pdf.lang = "( )"
        #expect(try pdf.facts().language == nil)
        pdf.lang = "/en"
        #expect(try pdf.facts().language == nil)
    }

    /// Tagged needs both the structure tree and /MarkInfo's /Marked true.
    @Test func taggedNeedsStructureAndMarkedContent() throws {
        #expect(try HandMadePDF(marked: "true", structure: true).facts().tagged)
        #expect(try !HandMadePDF(marked: "true", structure: false).facts().tagged)
        #expect(try !HandMadePDF(marked: nil, structure: true).facts().tagged)
        #expect(try !HandMadePDF(marked: "false", structure: true).facts().tagged)
        #expect(try !HandMadePDF(marked: "(true)", structure: true).facts().tagged)
    }

    @Test func aPDFWithNoPagesIsRefused() {
        let failure = refusal { () throws(PDFFacts.Failure) in try HandMadePDF(pages: 0).facts() }
        #expect(failure?.reason == .noPages)
    }

    /// A page tree whose pages list their own parent: qpdf finds the loop and the pages
    /// cannot be counted.
    @Test(.timeLimit(.minutes(1))) func aPageTreeThatLoopsIsRefused() {
        let failure = refusal { () throws(PDFFacts.Failure) in try HandMadePDF(pages: 3, loop: true).facts() }
        #expect(failure?.reason == .damaged)
    }

    /// Every cut of a small PDF either reads or fails; none crashes or hangs.
    @Test(.timeLimit(.minutes(1))) func everyCutOfASmallPDFReadsOrFails() {
        let whole = HandMadePDF(pages: 3, title: "(Cut)", lang: "(en)", marked: "true", structure: true).bytes()
        var read = 0
        for length in stride(from: 1, to: whole.count, by: 7) {
            if let facts = try? PDFFacts.read(data: Array(whole[..<length]), name: "cut.pdf") {
                #expect(facts.pageCount == 3, "cut at \(length)")
                read += 1
            }
        }
        // The last cuts lose only the cross-reference table, which qpdf rebuilds.
        #expect(read > 0)
    }

    /// Damaged files print nothing: qpdf's errors and warnings stay in its `qpdf_data`.
    /// Standard error is caught for the length of the reads; qpdf names the file (here a
    /// name no other test uses) in everything it writes.
    @Test func nothingIsPrinted() throws {
        let probe = "stderr-probe-\(UUID().uuidString)"
        let folder = NSTemporaryDirectory() + probe
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = ["truncated.pdf", "not-a-pdf.pdf", "password.pdf", "tagged.pdf"]
        for name in names {
            try FileManager.default.copyItem(atPath: Self.fixture(name), toPath: "\(folder)/\(name)")
        }
        let printed = capturingStandardError {
            for name in names {
                _ = try? PDFFacts.read(path: "\(folder)/\(name)")
                _ = try? PDFFacts.read(data: Self.bytes(name), name: "\(probe)/\(name)")
            }
            _ = try? HandMadePDF(pages: 2, loop: true).facts(name: "\(probe)/loop.pdf")
            _ = try? HandMadePDF(pages: 2, tableMoved: 17).facts(name: "\(probe)/repaired.pdf")
            // The catch works: this line is caught.
            FileHandle.standardError.write(Data("\(probe)/caught\n".utf8))
        }
        #expect(printed.contains("\(probe)/caught"))
        #expect(!printed.replacingOccurrences(of: "\(probe)/caught", with: "").contains(probe), "\(printed)")
    }

    /// What is written to file descriptor 2 while `work` runs.
    func capturingStandardError(_ work: () -> Void) -> String {
        final class Collected: @unchecked Sendable { var bytes: [UInt8] = [] }
        fflush(nil)
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return "" }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let saved = dup(2)
        dup2(writeEnd, 2)
        close(writeEnd)
        // Read while working, so that a full pipe cannot block a writer.
        let collected = Collected()
        let done = DispatchSemaphore(value: 0)
        Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while case let count = Glibc.read(readEnd, &buffer, buffer.count), count > 0 {
                collected.bytes += buffer[..<count]
            }
            done.signal()
        }.start()
        work()
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        done.wait()
        close(readEnd)
        return String(decoding: collected.bytes, as: UTF8.self)
    }

    // MARK: Threads and size

    /// Each read has its own qpdf_data: reads on many threads at once give what one at a
    /// time gives.
    @Test func readsOnManyThreadsAtOnce() async throws {
        let names = ["tagged.pdf", "untagged.pdf", "welsh-title.pdf", "owner-password.pdf",
                     "truncated.pdf", "not-a-pdf.pdf", "password.pdf"]
        func outcome(_ name: String) -> String {
            do { return "\(try PDFFacts.read(path: Self.fixture(name)))" } catch { return "\(error.reason)" }
        }
        let expected = Dictionary(uniqueKeysWithValues: names.map { ($0, outcome($0)) })
        let results = await withTaskGroup(of: (String, String).self) { group in
            for round in 0..<400 {
                let name = names[round % names.count]
                group.addTask { (name, outcome(name)) }
            }
            return await group.reduce(into: [(String, String)]()) { $0.append($1) }
        }
        #expect(results.count == 400)
        for (name, result) in results { #expect(result == expected[name], "\(name)") }
    }

    /// 2,000 pages in a two-level page tree (qpdf counts them by walking it), 228 KB: read
    /// in 25-40 ms here (debug build); the limit is for a busy machine.
    @Test func aPDFOfTwoThousandPagesIsReadQuickly() throws {
        let bytes = HandMadePDF(pages: 2000, title: "(Annual report)").bytes()
        let clock = ContinuousClock()
        let start = clock.now
        let facts = try PDFFacts.read(data: bytes, name: "annual-report.pdf")
        let elapsed = clock.now - start
        #expect(facts.pageCount == 2000 && facts.title == "Annual report")
        #expect(elapsed < .seconds(15), "took \(elapsed)")
    }
}

/// A PDF written here, object by object, with a cross-reference table: a catalog, a page
/// tree of `pages` pages in groups of up to 50, and what each test sets. Values are PDF as
/// written: `title: "(Leaflet)"`, `lang: "(en-GB)"`, `marked: "true"`.
struct HandMadePDF {
    var pages = 1
    var title: String?
    var lang: String?
    var marked: String?
    var structure = false
    /// Each group of pages lists the top of the tree among its kids.
    var loop = false
    /// How far `startxref` points past the cross-reference table (0: at it).
    var tableMoved = 0

    func facts(name: String = "hand-made.pdf") throws(PDFFacts.Failure) -> PDFFacts {
        try PDFFacts.read(data: bytes(), name: name)
    }

    func bytes() -> [UInt8] {
        // 1 catalog, 2 top of the page tree, 3 information, 4 the pages' content, 5 the
        // structure tree, then the groups, then the pages.
        let groups = stride(from: 0, to: pages, by: 50).map { $0..<min($0 + 50, pages) }
        let firstGroup = 6
        let firstPage = firstGroup + groups.count
        var objects: [String] = []
        var catalog = "<< /Type /Catalog /Pages 2 0 R"
        if let lang { catalog += " /Lang \(lang)" }
        if let marked { catalog += " /MarkInfo << /Marked \(marked) >>" }
        if structure { catalog += " /StructTreeRoot 5 0 R" }
        objects.append(catalog + " >>")
        let groupRefs = groups.indices.map { "\(firstGroup + $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Pages /Kids [\(groupRefs)] /Count \(pages) /MediaBox [0 0 595 842] >>")
        objects.append("<< /Producer (HandMadePDF)" + (title.map { " /Title \($0)" } ?? "") + " >>")
        let content = "0 0 m 100 100 l S"
        objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        objects.append("<< /Type /StructTreeRoot /K [] >>")
        for group in groups {
            let kids = group.map { "\(firstPage + $0) 0 R" } + (loop ? ["2 0 R"] : [])
            objects.append("<< /Type /Pages /Parent 2 0 R /Kids [\(kids.joined(separator: " "))] /Count \(group.count) >>")
        }
        for page in 0..<pages {
            objects.append("<< /Type /Page /Parent \(firstGroup + page / 50) 0 R /Contents 4 0 R /Resources << >> >>")
        }

        var out = Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
        }
        let table = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets {
            let digits = String(offset)
            out += Array((String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 3 0 R >>\nstartxref\n\(table + tableMoved)\n%%EOF\n".utf8)
        return out
    }
}
