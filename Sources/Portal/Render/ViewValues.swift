/// The views on every page, made into template values by hand: through `Encodable` they
/// took a third of the time to render a page (a container, a box and a node allocated
/// for each value). `ViewValueTests` checks each gives what the encoder gives.

extension LinkView {
    var templateValue: TemplateValue {
        .fields(["title": .text(title), "url": .text(url), "text": text.map(TemplateValue.text), "outside": .flag(outside)])
    }
}

extension NavItemView {
    var templateValue: TemplateValue {
        .fields([
            "title": .text(title), "url": .text(url), "current": .flag(current), "active": .flag(active), "outside": .flag(outside),
        ])
    }
}

extension DateView {
    var templateValue: TemplateValue { .fields(["iso": .text(iso), "text": .text(text)]) }
}

extension FactView {
    var templateValue: TemplateValue {
        .fields(["label": .text(label), "text": .text(text), "date": date?.templateValue, "url": url.map(TemplateValue.text)])
    }
}

extension ContentsEntryView {
    var templateValue: TemplateValue { .fields(["text": .text(text), "id": .text(id), "children": .list(children)]) }
}

extension SearchFilterView {
    var templateValue: TemplateValue { .fields(["name": .text(name), "value": .text(value)]) }
}

extension LayoutView {
    var templateValue: TemplateValue {
        .fields([
            "title": .text(title), "description": .text(description), "canonical": .text(canonical),
            "navigation": .list(navigation), "breadcrumbs": .list(breadcrumbs), "sensitive": .flag(sensitive),
            "kind": .text(kind), "searchable": .flag(searchable), "isSearch": .flag(isSearch),
            "searchFilters": .list(searchFilters), "content": .text(content),
        ])
    }
}

extension PageView {
    var templateValue: TemplateValue {
        .fields([
            "title": .text(title), "summary": .text(summary), "kind": .text(kind), "tags": .list(tags.map(TemplateValue.text)),
            "topics": .list(topics), "facts": .list(facts), "contents": .list(contents), "body": .text(body), "related": .list(related),
            "emailVersions": .list(emailVersions), "mentionedIn": .list(mentionedIn),
        ])
    }
}
