import Foundation
import Testing

@testable import Portal

/// Topic hubs: one list of topics (`data/topics.yaml`) for pages and courses, a page at
/// `/topics/ID/` for each topic used, and pages that link to their topics' hubs.
@Suite struct TopicTests {
    static let topics = """
        - id: child-protection
          title: Child protection
          summary: Recognising and referring concerns.
        - id: online-safety
          title: Online safety
          summary: Keeping children safe online.
        - id: safe-sleep
          title: Safe sleep
          summary: Helping babies sleep safely.
        - id: governance
          title: How the board works
          summary: Its members and priorities.

        """

    static func newsletter(_ issue: Int, _ date: String, topics: String) -> String {
        page(title: "Newsletter \(issue)", extra: "kind: newsletter\nissue: \(issue)\ndate: \(date)\ntopics: \(topics)")
    }

    static func policy(_ title: String, approved: String, topics: String) -> String {
        page(title: title, extra: "kind: policy\nowner: LSCB\nversion: \"1\"\napproved: \(approved)\nreview: 2028-01-01\nstatus: current\ntopics: \(topics)")
    }

    /// A site with the training catalogue, whose courses have topics, and pages of every kind.
    static func site(_ extra: [String: String] = [:]) -> Scratch {
        var files = TrainingData.files()
        files["data/topics.yaml"] = topics
        files["parents-carers/online.md"] = page(title: "Staying safe online", extra: "topics: [online-safety]")
        files["parents-carers/advice.md"] = page(title: "Advice for parents", extra: "kind: guidance\naudience: [parents-carers]\nsensitive: false\ntopics: [child-protection, online-safety]")
        files["news/one.md"] = newsletter(1, "2013-01-10", topics: "[child-protection]")
        files["news/two.md"] = newsletter(2, "2014-02-20", topics: "[child-protection]")
        files["news/three.md"] = newsletter(3, "2013-06-01", topics: "[child-protection]")
        files["policies/older.md"] = policy("Older policy", approved: "2012-01-01", topics: "[child-protection]")
        files["policies/newer.md"] = policy("Newer policy", approved: "2025-01-01", topics: "[child-protection]")
        files["reports/2012-13.md"] = page(title: "Annual report 2012-13", extra: "kind: report\nperiod: 2012-13\npublished: 2013-09-01\ntopics: [child-protection]")
        files["about/draft.md"] = page(title: "Draft about page", extra: "draft: true\ntopics: [governance]")
        files.merge(extra) { $1 }
        return Scratch(files)
    }

    /// The headings of a hub's groups and, under each, the addresses it links to.
    static func groups(_ html: String) -> [(id: String, links: [String])] {
        html.components(separatedBy: "<h2 class=\"heading-l\" id=\"").dropFirst().map { part in
            let id = String(part.prefix { $0 != "\"" })
            let links = attributeValues(in: part.components(separatedBy: "</ul>")[0], names: ["href"])
            return (id, links)
        }
    }

    @Test func aHubListsEverythingOnItsTopicByKindNewestFirst() throws {
        let scratch = Self.site()
        defer { scratch.remove() }
        let result = try scratch.build()
        let hub = try #require(scratch.html("/topics/child-protection/", in: result))
        #expect(hub.contains("<h1 class=\"heading-xl\">Child protection</h1>"))
        #expect(hub.contains("<p class=\"lead\">Recognising and referring concerns.</p>"))
        let groups = Self.groups(hub)
        #expect(groups.map(\.id) == ["pages", "policies", "newsletters", "reports", "courses"])
        #expect(groups.map(\.links) == [
            ["/parents-carers/advice/"],
            ["/policies/newer/", "/policies/older/"],
            ["/news/two/", "/news/three/", "/news/one/"],
            ["/reports/2012-13/"],
            ["/training/courses/basics/", "/training/courses/core/"],
        ])
        // Only the groups with something in them.
        let online = try #require(scratch.html("/topics/online-safety/", in: result))
        #expect(Self.groups(online).map(\.id) == ["pages", "courses"])
        #expect(Self.groups(online)[0].links == ["/parents-carers/advice/", "/parents-carers/online/"])
        // The hubs are in the search index's topic filter under their titles.
        #expect(online.contains("data-pagefind-filter=\"topic[data-value]\" data-value=\"Online safety\""))
    }

    @Test func theIndexListsEveryTopicInUseAndNoHubForATopicOnlyDraftsUse() throws {
        let scratch = Self.site()
        defer { scratch.remove() }
        let result = try scratch.build()
        let index = try #require(scratch.html("/topics/", in: result))
        let links = attributeValues(in: index, names: ["href"]).filter { $0.hasPrefix("/topics/") && $0 != "/topics/" }
        #expect(links == ["/topics/child-protection/", "/topics/online-safety/"])
        #expect(index.contains("Keeping children safe online."))
        // governance: only a draft; safe-sleep: nothing.
        #expect(scratch.html("/topics/governance/", in: result) == nil)
        #expect(scratch.html("/topics/safe-sleep/", in: result) == nil)
        // With drafts (the preview), the draft's topic has its hub.
        let drafts = try scratch.build(drafts: true)
        #expect(scratch.html("/topics/governance/", in: drafts) != nil)
    }

    @Test func aPageLinksToItsTopicsAndFiltersByTheirTitles() throws {
        let scratch = Self.site()
        defer { scratch.remove() }
        let result = try scratch.build()
        let advice = try #require(scratch.html("/parents-carers/advice/", in: result))
        #expect(advice.contains(
            "<p>Topics: <a href=\"/topics/child-protection/\">Child protection</a>, <a href=\"/topics/online-safety/\">Online safety</a></p>"))
        #expect(advice.contains("data-pagefind-filter=\"topic[data-value]\" data-value=\"Child protection\""))
        // A policy's line in a list names its topics by title.
        let policies = try #require(scratch.html("/policies/", in: result))
        #expect(policies.contains("Topics: Child protection"))
        // A page with no topics has no such line.
        let worried = try #require(scratch.html("/worried-about-a-child/", in: result))
        #expect(!worried.contains("Topics:"))
    }

    @Test func anUnknownTopicIsALocatedErrorWithASuggestion() throws {
        let scratch = Self.site(["parents-carers/online.md": page(title: "Online", extra: "topics: [child-protection, onlin-safety]")])
        defer { scratch.remove() }
        let problems = scratch.problems()
        #expect(located(problems) == ["parents-carers/online.md:4:28: there is no topic with the id `onlin-safety`"])
        let hint = try #require(problems.first?.hint)
        #expect(hint.contains("Did you mean `online-safety`?"))
        #expect(hint.contains("topics.yaml"))
    }

    @Test func withoutTrainingTopicsYAMLIsTheListOnItsOwn() throws {
        let alone = Scratch([
            "data/topics.yaml": Self.topics,
            "parents-carers/sleep.md": page(title: "Safe sleep", extra: "topics: [safe-sleep]"),
        ])
        defer { alone.remove() }
        let result = try alone.build()
        #expect(result.warnings.isEmpty)
        let hub = try #require(alone.html("/topics/safe-sleep/", in: result))
        #expect(Self.groups(hub).map(\.links) == [["/parents-carers/sleep/"]])
        // No list at all: a topic is an error that says where the list goes.
        let none = Scratch(["parents-carers/sleep.md": page(title: "Safe sleep", extra: "topics: [safe-sleep]")])
        defer { none.remove() }
        let problems = none.problems()
        #expect(located(problems) == ["parents-carers/sleep.md:4:10: there is no topic with the id `safe-sleep`"])
        #expect(problems.first?.hint?.contains("data/topics.yaml") == true)
        // A mistake in the list is reported once, at its line, and pages' topics are not blamed.
        let broken = Scratch([
            "data/topics.yaml": "- id: safe-sleep\n  title: Safe sleep\n",
            "parents-carers/sleep.md": page(title: "Safe sleep", extra: "topics: [safe-sleep]", body: "[Sleep](topic:safe-sleep)"),
        ])
        defer { broken.remove() }
        #expect(located(broken.problems()).count == 1)
        #expect(located(broken.problems()).first?.hasPrefix("data/topics.yaml:1:") == true)
    }

    /// `topic:` leads to the topic's hub, with training data or with topics.yaml alone; an
    /// unknown id is an error at the link, with the closest id.
    @Test func aTopicLinkLeadsToItsHub() throws {
        let scratch = Self.site([
            "links.md": page(title: "Links", extra: "related: [topic:child-protection]", body: "See [courses](topic:online-safety#courses)."),
        ])
        defer { scratch.remove() }
        let html = try #require(scratch.html("/links/", in: try scratch.build()))
        #expect(html.contains(#"<a href="/topics/online-safety/#courses">courses</a>"#))
        #expect(html.contains(#"<a href="/topics/child-protection/">Child protection</a>"#))

        let alone = Scratch([
            "data/topics.yaml": Self.topics,
            "parents-carers/sleep.md": page(title: "Safe sleep", extra: "topics: [safe-sleep]"),
            "links.md": page(title: "Links", body: "[Sleeping](topic:safe-sleep)"),
        ])
        defer { alone.remove() }
        let result = try alone.build()
        #expect(try #require(alone.html("/links/", in: result)).contains(#"<a href="/topics/safe-sleep/">Sleeping</a>"#))

        let wrong = Self.site(["links.md": page(title: "Links", body: "See [online](topic:onlin-safety).")])
        defer { wrong.remove() }
        let problems = wrong.problems()
        #expect(located(problems) == ["links.md:5:5: there is no topic with the id “onlin-safety” (in “topic:onlin-safety”)"])
        #expect(problems.first?.hint?.hasPrefix("Did you mean “online-safety”?") == true)

        // No list of topics at all: the error says where it goes.
        let none = Scratch(["links.md": page(title: "Links", body: "[Sleeping](topic:safe-sleep)")])
        defer { none.remove() }
        let missing = none.problems()
        #expect(located(missing) == ["links.md:5:1: there is no list of topics for “topic:safe-sleep”"])
        #expect(missing.first?.hint?.contains("Content/data/topics.yaml") == true)
        // Training data missing a file: only that is reported, not the links into it.
        var files = TrainingData.files()
        files["data/courses.yaml"] = nil
        files["links.md"] = page(title: "Links", body: "[Online](topic:online-safety) [Typo](topic:onlin-safety)")
        let incomplete = Scratch(files)
        defer { incomplete.remove() }
        #expect(located(incomplete.problems().filter(\.isError)).map { $0.components(separatedBy: ": ")[1] } == ["the training data has no courses.yaml"])
    }

    /// A topic in the list that nothing published has yet has no hub: a link to it is an
    /// error at the link that says so, not a broken link with a guess at another address.
    @Test func aLinkToATopicWithNoHubSaysWhy() throws {
        let links = page(title: "Links", extra: "related: [topic:governance]", body: "Read about [safe sleep](topic:safe-sleep).")
        let scratch = Self.site(["links.md": links])
        defer { scratch.remove() }
        let problems = scratch.problems()
        #expect(located(problems) == [
            "links.md:4:11: “topic:governance” leads to /topics/governance/, but the topic “How the board works” has no hub yet: no published page or course has this topic",
            "links.md:6:12: “topic:safe-sleep” leads to /topics/safe-sleep/, but the topic “Safe sleep” has no hub yet: no published page or course has this topic",
        ])
        for problem in problems {
            let hint = try #require(problem.hint)
            #expect(hint.contains("Drafts and pages not yet published do not count."))
            #expect(!hint.contains("Did you mean"))
        }
        #expect(problems[1].hint?.contains("`topics: [safe-sleep]`") == true)
        // With drafts (the preview), the draft's topic has its hub: only safe-sleep is left.
        do {
            _ = try scratch.build(drafts: true)
            Issue.record("the link to safe-sleep, which has no hub, should stop the build")
        } catch {
            #expect(located(error.diagnostics).map { String($0.prefix(14)) } == ["links.md:6:12:"])
        }
        // The same for an address written out.
        let written = Self.site(["links.md": page(title: "Links", body: "[Sleep](/topics/safe-sleep/)")])
        defer { written.remove() }
        #expect(located(written.problems()) == [
            "links.md:5:1: “/topics/safe-sleep/” leads to /topics/safe-sleep/, but the topic “Safe sleep” has no hub yet: no published page or course has this topic",
        ])
    }

    /// The training catalogue has no topic pages of its own: its home and its open data lead
    /// to the hubs of the topics its courses have, each of which lists those courses.
    @Test func theTrainingCatalogueLeadsToTheHubs() throws {
        let scratch = Self.site()
        defer { scratch.remove() }
        let result = try scratch.build()
        #expect(!result.files.contains { $0.path.hasPrefix("training/topics/") })
        let home = try #require(scratch.html("/training/", in: result))
        let byTopic = home.components(separatedBy: "id=\"topics\"")[1].components(separatedBy: "</ul>")[0]
        #expect(attributeValues(in: byTopic, names: ["href"]) == ["/topics/child-protection/#courses", "/topics/online-safety/#courses"])
        let json = try #require(result.files.first { $0.path == "training/courses.json" })
        let data = try CatalogueData.decode(Data(json.contents))
        #expect(data.topics.map { $0["url"] } == ["https://lscb.example.org/topics/child-protection/", "https://lscb.example.org/topics/online-safety/"])
    }

    @Test func theContentCheckListsTopicsNothingUses() throws {
        let scratch = Self.site()
        defer { scratch.remove() }
        let site = try Build.resolve(scratch.options(drafts: true)).site
        let report = ContentReport(site: site, now: Day(iso: "2026-11-21")!)
        // governance is used by a draft; safe-sleep by nothing.
        #expect(report.unusedTopics.map(\.text) == ["“Safe sleep” (`safe-sleep`)"])
        #expect(report.unusedTopics.first?.location.hasSuffix("data/topics.yaml:7:7") == true)
        #expect(report.text.contains("Topics nothing uses (no page or course names them: use or remove each) (1)"))
    }
}
