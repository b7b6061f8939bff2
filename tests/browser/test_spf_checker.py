"""The SPF checker in a real Chromium, against the built site and a local RFC 8484 resolver.

The site is built with SXS_DOH_URL pointing at tests/browser/doh_server.py,
which serves the zone fixtures in DEFAULT_ZONE there (and misbehaves on
purpose for *.hang.test and *.garbage.test).
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parent))
import doh_server  # noqa: E402
from sites import build_site, serve  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def build(dest: Path, doh_url: str, instant_site_url: str | None = None) -> Path:
    """Build the site with the checker's resolver set to `doh_url`.

    With `instant_site_url`, through a config that INHERITs mkdocs.yml and turns on Material's
    instant navigation, which follows links only within site_url (here: the test server).
    mkdocs-static-i18n warns that its language switcher cannot follow instant navigation,
    so that variant is built without strict mode.
    """
    env = {"SXS_DOH_URL": doh_url}
    if instant_site_url is None:
        return build_site(dest, env)
    config = ROOT / "mkdocs.yml"
    features = re.findall(
        r"^\s+- ((?:navigation|search|content|toc|header)\.[\w.]+)\s*$",
        config.read_text(encoding="utf-8"),
        re.M,
    )
    # Beside mkdocs.yml: the site's plugin reads its data files relative to the config file.
    overlay = ROOT / f".instant-{dest.parent.name}.yml"
    overlay.write_text(
        "\n".join(
            [
                f"INHERIT: {config}",
                f"docs_dir: {ROOT / 'docs'}",
                f"site_url: {instant_site_url}/",
                "strict: false",
                "theme:",
                "  name: material",
                f"  custom_dir: {ROOT / 'overrides'}",
                "  features:",
                *[f"    - {f}" for f in dict.fromkeys([*features, "navigation.instant"])],
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    try:
        return build_site(dest, env, config=overlay, strict=False)
    finally:
        overlay.unlink()


@pytest.fixture(scope="module")
def doh() -> Iterator[doh_server.DohServer]:
    server = doh_server.start()
    yield server
    doh_server.stop(server)


@pytest.fixture(scope="module")
def spf_site(doh: doh_server.DohServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build(tmp_path_factory.mktemp("spf") / "site", doh.url)
    server, url = serve(site)
    yield url
    server.shutdown()


def run_check(page: Page, domain: str, ip: str = "", *, lang: str = "en") -> None:
    labels = {
        "en": ("Domain", "Check", "Sending server IP address"),
        "ko": ("도메인", "검사", "보내는 서버 IP 주소"),
    }
    domain_label, button, ip_label = labels[lang]
    page.get_by_label(domain_label, exact=True).fill(domain)
    if ip:
        page.locator("details.sxs-spf__more summary").click()
        page.get_by_label(ip_label).fill(ip)
    page.get_by_role("button", name=button, exact=True).click()


def result_region(page: Page, lang: str = "en"):
    return page.get_by_role("region", name={"en": "SPF result", "ko": "SPF 결과"}[lang])


def test_loads_without_other_hosts_and_queries_only_on_request(page: Page, spf_site: str, doh) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    before = len(doh.queries)
    page.goto(f"{spf_site}/spf-checker/")
    expect(page.get_by_label("도메인", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="검사", exact=True)).to_be_visible()
    expect(result_region(page, "ko")).to_have_attribute("aria-live", "polite")
    page.wait_for_load_state("networkidle")
    assert all(u.startswith(spf_site) for u in requests), [u for u in requests if not u.startswith(spf_site)]
    assert len(doh.queries) == before, "no DNS query before the reader asks"


def test_other_pages_do_not_load_the_widget(page: Page, spf_site: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{spf_site}/en/")
    page.wait_for_load_state("networkidle")
    assert any(u.endswith("/assets/spf/loader.js") for u in requests)
    assert not any(u.endswith("/assets/spf/widget.js") for u in requests)


def test_pass_with_deciding_mechanism_and_shareable_url(page: Page, spf_site: str) -> None:
    page.goto(f"{spf_site}/en/spf-checker/")
    run_check(page, "pass.test", "192.0.2.10")
    region = result_region(page)
    expect(region.locator('[data-part="verdict"] [data-result="pass"]')).to_be_visible()
    expect(region).to_contain_text("Decided by: ip4:192.0.2.0/24 (in the record of pass.test)")
    expect(region.locator('[data-code="m365-ok"]')).to_be_visible()
    expect(region.locator('[data-part="lookups"]')).to_contain_text("1 / 10")
    query = parse_qs(urlparse(page.url).query)
    assert query["domain"] == ["pass.test"] and query["ip"] == ["192.0.2.10"]
    # The shared address opens on the same result.
    page.goto(page.url)
    expect(result_region(page).locator('[data-part="verdict"] [data-result="pass"]')).to_be_visible()


def test_fail_with_deep_include_tree_in_korean(page: Page, spf_site: str) -> None:
    page.goto(f"{spf_site}/spf-checker/")
    run_check(page, "deep.test", "203.0.113.5", lang="ko")
    region = result_region(page, "ko")
    expect(region.locator('[data-part="verdict"] [data-result="fail"]')).to_be_visible()
    expect(region).to_contain_text("결정한 항목: -all (deep.test의 레코드)")
    deepest = region.locator(
        '[data-domain="deep.test"] [data-domain="l1.deep.test"] [data-domain="l2.deep.test"]'
        ' [data-domain="l3.deep.test"] [data-domain="l4.deep.test"]'
    )
    expect(deepest).to_be_visible()
    expect(region.locator('[data-part="lookups"]')).to_contain_text("8 / 10")
    expect(region.locator('[data-code="m365-missing"]')).to_be_visible()


def test_limit_crossing_is_pointed_at(page: Page, spf_site: str) -> None:
    page.goto(f"{spf_site}/en/spf-checker/")
    run_check(page, "toomany.test")
    region = result_region(page)
    expect(region.locator('[data-part="lookups"]')).to_contain_text("12 / 10")
    crossed = region.locator('[data-part="limit-crossed"]')
    expect(crossed).to_have_count(1)
    expect(region.locator('[data-domain="t2.toomany.test"] [data-part="limit-crossed"]')).to_have_count(1)
    expect(region.locator('[data-code="lookup-limit"]')).to_be_visible()


@pytest.mark.parametrize(
    "domain,ip",
    [
        ("hostile.test", ""),
        ("hostile-include.test", ""),
        ("hostile-exp.test", "192.0.2.77"),
    ],
)
def test_hostile_txt_data_renders_inert(page: Page, spf_site: str, domain: str, ip: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{spf_site}/en/spf-checker/")
    run_check(page, domain, ip)
    region = result_region(page)
    expect(region.locator("[data-part]").first).to_be_visible()
    expect(region).to_contain_text("<")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert region.locator("img, script, iframe").count() == 0
    assert dialogs == []
    if domain == "hostile-exp.test":
        expect(region).to_contain_text("<script>window.__pwned=5</script> 192.0.2.77 denied")


def test_resolver_that_times_out_gives_temperror(page: Page, spf_site: str) -> None:
    page.goto(f"{spf_site}/en/spf-checker/")
    started = time.monotonic()
    run_check(page, "mail.hang.test")
    region = result_region(page)
    expect(region.locator('.sxs-spf__badge[data-result="temperror"]')).to_be_visible(timeout=20_000)
    assert time.monotonic() - started < 20
    expect(region).to_contain_text("did not answer TXT mail.hang.test")
    expect(page.get_by_role("button", name="Check", exact=True)).to_be_enabled()


def test_resolver_that_answers_garbage_gives_temperror(page: Page, spf_site: str) -> None:
    page.goto(f"{spf_site}/en/spf-checker/")
    run_check(page, "mail.garbage.test", "192.0.2.1")
    region = result_region(page)
    expect(region.locator('[data-part="verdict"] [data-result="temperror"]')).to_be_visible()
    expect(region).to_contain_text("malformed DNS answer")


def test_several_records_and_no_record(page: Page, spf_site: str) -> None:
    page.goto(f"{spf_site}/en/spf-checker/")
    run_check(page, "two.test")
    region = result_region(page)
    expect(region.locator('[data-code="multiple-records"]')).to_be_visible()
    run_check(page, "none.test")
    expect(region.locator('[data-code="no-record"]')).to_be_visible()


def test_errors_inside_the_tree_in_korean(page: Page, spf_site: str) -> None:
    page.goto(f"{spf_site}/spf-checker/")
    run_check(page, "broken-branches.test", lang="ko")
    tree = result_region(page, "ko").locator('[data-part="tree"]')
    expect(tree).to_contain_text("two.test에 SPF 레코드가 2개 있습니다.", timeout=15000)
    expect(tree).to_contain_text("slow.hang.test의 TXT 조회가 시간 안에 응답하지 않았습니다.")
    expect(tree).not_to_contain_text("has 2 SPF records")
    # the resolver's own words stay beside the Korean, verbatim, as code (like the summary's)
    expect(tree.locator(".sxs-spf__error code")).to_contain_text("did not answer TXT slow.hang.test")


def test_instant_navigation_mounts_the_checker(
    doh: doh_server.DohServer, tmp_path_factory: pytest.TempPathFactory, page: Page
) -> None:
    site = tmp_path_factory.mktemp("spf-instant") / "site"
    site.mkdir()
    server, url = serve(site)
    build(site, doh.url, instant_site_url=url)
    try:
        page.goto(f"{url}/en/")
        page.evaluate("() => { window.__samePage = true; }")
        page.locator('a[href$="spf-checker/"]').first.click()
        expect(page.get_by_label("Domain", exact=True)).to_be_visible()
        assert page.evaluate("window.__samePage") is True, "navigation was not instant"
        run_check(page, "pass.test", "192.0.2.10")
        expect(result_region(page).locator('[data-part="verdict"] [data-result="pass"]')).to_be_visible()
    finally:
        server.shutdown()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_checker_has_no_serious_accessibility_violations(page: Page, spf_site: str, scheme: str) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` first")
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{spf_site}/spf-checker/")
    run_check(page, "deep.test", "203.0.113.5", lang="ko")
    expect(result_region(page, "ko").locator('[data-part="tree"]')).to_be_visible()
    page.locator("details.sxs-spf__more").evaluate("d => d.open = true")
    # evaluated, not added as a <script>: the site's security policy runs no inline script
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        "async () => (await axe.run({ include: [['.sxs-spf']] }, { resultTypes: ['violations'] })).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary) }))"
    )
    assert violations == []


@pytest.mark.parametrize(
    "path,lang", [("/articles/antispam-5-7-23/", "ko"), ("/en/articles/antispam-5-7-23/", "en")]
)
def test_checker_embedded_in_the_seed_article(page: Page, spf_site: str, path: str, lang: str) -> None:
    page_source = ROOT / "docs" / "articles" / f"antispam-5-7-23.{lang}.md"
    assert "<div data-spf-checker></div>" in page_source.read_text(encoding="utf-8").split("\n")
    page.goto(f"{spf_site}{path}")
    run_check(page, "pass.test", "192.0.2.10", lang=lang)
    expect(result_region(page, lang).locator('[data-part="verdict"] [data-result="pass"]')).to_be_visible()


def test_pasted_addresses_and_idn_are_normalized(page: Page, spf_site: str) -> None:
    page.goto(f"{spf_site}/en/spf-checker/")
    assert page.evaluate("""async () => {
        const { normalizeDomain } = await import('/assets/spf/widget.js');
        return [normalizeDomain(' https://Pass.test/path '), normalizeDomain('user@pass.test'),
                normalizeDomain('한국.kr'), normalizeDomain('example.com.')];
    }""") == ["pass.test", "pass.test", "xn--3e0b707e.kr", "example.com"]
    run_check(page, "https://pass.test/", "192.0.2.10")
    expect(result_region(page).locator('[data-part="verdict"] [data-result="pass"]')).to_be_visible()
