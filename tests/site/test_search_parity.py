"""The browser tokenizes queries exactly as the build tokenized pages (tokenize.py against tokenize.js),
puts terms in the same shards, and reads the index the build writes."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sxs.site.search.index import IndexBuilder, shard, written
from sxs.site.search.tokenize import Tokenizer

TOKENIZE_JS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "search" / "tokenize.js"
# Reads the tokenizer's specs on its first line, then one JSON string a line; answers with its
# words as [stem, terms] pairs.
SCRIPT = f"""
import {{ loadTokenizer }} from {json.dumps(TOKENIZE_JS.as_uri())}
import {{ createInterface }} from "node:readline"
let tokenizer = null
for await (const line of createInterface({{ input: process.stdin }})) {{
  if (!tokenizer) {{ tokenizer = await loadTokenizer(JSON.parse(line)); continue }}
  process.stdout.write(JSON.stringify(tokenizer.words(JSON.parse(line)).map(w => [w.stem, w.terms])) + "\\n")
}}
"""
EVERY_SCRIPT = Tokenizer.of("ko", ["en", "zh-CN", "ar"])
"""Every locale's script at once, so that random text mixes them."""
KOREAN = Tokenizer.of("ko", ["en"])
words, terms = KOREAN.words, KOREAN.terms


class Node:
    def __init__(self, tokenizer: Tokenizer = EVERY_SCRIPT) -> None:
        node = shutil.which("node")
        if node is None:
            pytest.fail("Node.js is not installed: run `make test`, which installs it")
        self.tokenizer = tokenizer
        self.process = subprocess.Popen(
            [node, "--input-type=module", "-e", SCRIPT],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert self.process.stdin
        self.process.stdin.write(json.dumps(tokenizer.specs) + "\n")

    def words(self, text: str) -> list[list[object]]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(text) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def node() -> Iterator[Node]:
    runner = Node()
    yield runner
    assert runner.process.stdin
    runner.process.stdin.close()
    runner.process.wait(timeout=10)


SYLLABLES = "메일이가을를은는에서로의와과도만전자배달화면공유테넌트녹음화만료되지않하려면설정안돼요수대한"
HAN = "管理员密码重置如果忘记使用缓存凭据登录的了パスワードをリセットする々ー・"
ARABIC = "إعادة تعيين كلمة مرور المسؤول والبريد الإلكتروني بالمستخدمين للمسؤول ـ ً ّ ى ة آ أ ٱ ؤ"
SPECS = {spec["module"]: spec for spec in EVERY_SCRIPT.specs}
PIECES = st.sampled_from(
    [
        *SYLLABLES,
        *SPECS["korean"]["suffixes"],
        *SPECS["korean"]["stop_words"],
        *HAN,
        *SPECS["han"]["stop_words"],
        *ARABIC,
        *ARABIC.split(),
        *SPECS["arabic"]["prefixes"],
        *SPECS["arabic"]["suffixes"],
        *SPECS["arabic"]["stop_words"],
        *[" ", "  ", "\n", *".,/-()'"],
        *"a e i o u y s d g n t l b z x w ing ed es ies sses eed ational 0 5 7 x8 AADSTS Outlook".split(),
        *"É ß ＡＢ ５ ﬁ İ".split(),
    ]
)
TEXT = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(TEXT)
def test_python_and_javascript_tokenize_alike(node: Node, text: str) -> None:
    assert node.words(text) == [[word.stem, list(word.terms)] for word in EVERY_SCRIPT.words(text)]


@pytest.mark.parametrize(
    "text",
    [
        "화면공유가 안돼요",
        "5.7.23에 대 한 전자 메일 배달",
        "Configuring users' e-mails at outlook.com",
        # zh-CN and ar-SA corpora, admin-password-reset.md
        "如果忘记密码，但使用缓存凭据登录，请在“我的帐户”>“安全信息”中添加或更改安全信息，"
        "然后使用 SSPR 重置密码。",
        "إذا نسيت كلمة المرور الخاصة بك ولكنك سجلت الدخول باستخدام بيانات الاعتماد المخزنة مؤقتا، "
        "قم بإضافة معلومات الأمان",
        "パスワードをリセットするには、Microsoft 365 管理センターに移動します。",
        "عُلِّمَتْ المـــستخدمون إلى الإلكترونيّة",
    ],
)
def test_known_texts(node: Node, text: str) -> None:
    assert node.words(text) == [[word.stem, list(word.terms)] for word in EVERY_SCRIPT.words(text)]


ENGINE_JS = TOKENIZE_JS.with_name("engine.js")
# Reads [folder, [query, ...]] as JSON: the index that index.py wrote to the folder, searched by
# engine.js with the shards read from files as the browser fetches them; answers, for each
# query, the URLs found and the shards read for it.
SEARCH = f"""
import {{ SearchIndex, shard }} from {json.dumps(ENGINE_JS.as_uri())}
import {{ readFileSync }} from "node:fs"
const [folder, queries, terms] = JSON.parse(readFileSync(0, "utf-8"))
const read = name => JSON.parse(readFileSync(`${{folder}}/${{name}}`, "utf-8"))
const docs = read("docs.json")
let fetched = []
const index = await SearchIndex.open(docs, async number => {{
  fetched.push(number)
  return read(docs.files[number])
}})
const answers = []
for (const query of queries) {{
  fetched = []
  answers.push([(await index.search(query)).map(result => result.doc.url), fetched.sort((a, b) => a - b)])
}}
process.stdout.write(JSON.stringify([answers, terms.map(term => shard(term, docs.shards))]))
"""


def run_engine(folder: Path, queries: list[str], terms: list[str]) -> Any:
    node = shutil.which("node")
    assert node is not None, "Node.js is not installed: run `make test`, which installs it"
    result = subprocess.run(
        [node, "--input-type=module", "-e", SEARCH],
        input=json.dumps([str(folder), queries, terms]),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return json.loads(result.stdout)


@given(st.lists(TEXT, max_size=30))
@settings(max_examples=20, deadline=None)
def test_python_and_javascript_shard_terms_alike(texts: list[str]) -> None:
    found = sorted({term for text in texts for term in terms(text)})
    with tempfile.TemporaryDirectory() as folder:
        write_index(Path(folder), IndexBuilder("ko", KOREAN))
        assert run_engine(Path(folder), [], found)[1] == [shard(term) for term in found]


def write_index(folder: Path, builder: IndexBuilder) -> None:
    for name, data in written(builder.files()).items():
        (folder / name).write_bytes(data)


def test_the_engine_reads_the_index_the_builder_writes_fetching_only_the_query_shards(tmp_path: Path) -> None:
    builder = IndexBuilder("ko", KOREAN, [[("비밀번호", ["비밀", "밀번", "번호"]), ("암호", ["암호"])]])
    builder.add("mail/", "전자 메일 배달 문제", "메일이 배달되지 않습니다. 오류 코드 5.7.23")
    builder.add("printer/", "프린터 연결", "프린터를 연결합니다. Configuring printers")
    builder.add("password/", "암호 변경", "암호를 바꿉니다.")
    write_index(tmp_path, builder)
    queries = ["전자메일이 배달되지 않아요", "5.7.23", "configure printer", "비밀번호를 바꾸려면", "printe"]
    answers, _ = run_engine(tmp_path, queries, [])
    assert [urls for urls, _ in answers] == [["mail/"], ["mail/"], ["printer/"], ["password/"], ["printer/"]]
    seen: set[int] = set()  # a shard read once is kept for the session
    for query, (_, fetched) in zip(queries, answers, strict=True):
        wanted = {shard(term) for term in terms(query)}
        if query == "비밀번호를 바꾸려면":
            wanted.add(shard("암호"))  # the synonym's
        assert fetched == sorted(wanted - seen), query
        seen |= wanted


def test_chinese_and_arabic_indexes_find_inner_words_and_words_with_their_prefixes(tmp_path: Path) -> None:
    # Titles and sentences of the zh-CN and ar-SA corpora (admin-password-reset.md, fix-printer-issues.md,
    # create-and-use-a-shared-mailbox.md)
    chinese = IndexBuilder("zh-CN", Tokenizer.of("zh-CN", ["en"]))
    chinese.add("password/", "管理员密码重置", "如果忘记密码，但使用缓存凭据登录，请使用 SSPR 重置密码。")
    chinese.add("printer/", "打印机疑难解答", "如果打印机无法打印，请检查打印机的连接。")
    chinese.add("mailbox/", "创建和使用共享邮箱", "共享邮箱可让一组用户轻松地监视和发送电子邮件。")
    (tmp_path / "zh-CN").mkdir()
    write_index(tmp_path / "zh-CN", chinese)
    answers, _ = run_engine(tmp_path / "zh-CN", ["密码", "忘记密码了", "打印机连接", "共享邮箱", "sspr"], [])
    assert [urls for urls, _ in answers] == [
        ["password/"],
        ["password/"],
        ["printer/"],
        ["mailbox/"],
        ["password/"],
    ]

    arabic = IndexBuilder("ar", Tokenizer.of("ar", ["en"]))
    arabic.add(
        "password/", "إعادة تعيين كلمة مرور المسؤول", "إذا نسيت كلمة المرور الخاصة بك، أعد تعيين كلمة المرور."
    )
    arabic.add("printer/", "إصلاح مشاكل الطابعة", "إذا كانت طابعتك لا تعمل، تحقق من الاتصال.")
    arabic.add(
        "mailbox/",
        "إنشاء علبه بريد مشتركه واستخدامها",
        "تسهل علب البريد المشتركة على مجموعة من الأشخاص مراقبة البريد الإلكتروني.",
    )
    (tmp_path / "ar").mkdir()
    write_index(tmp_path / "ar", arabic)
    queries = ["المرور", "والمرور", "بالطابعة", "طابعة", "البريد المشترك", "اعادة تعيين", "الطابع"]
    answers, _ = run_engine(tmp_path / "ar", queries, [])
    assert [urls[:1] for urls, _ in answers] == [
        ["password/"],
        ["password/"],
        ["printer/"],
        ["printer/"],
        ["mailbox/"],
        ["password/"],
        ["printer/"],  # completed while typed
    ]
