// Interface text in Korean and English. Functions take the data of a term,
// warning or result and return plain strings; the widget sets them with
// textContent, so nothing here is ever parsed as HTML.

const q = (s) => `“${s}”`;

const QUAL = {
  ko: { '+': '통과(pass)', '-': '실패(fail)', '~': '약한 실패(softfail)', '?': '중립(neutral)' },
  en: { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' },
};

export const STRINGS = {
  ko: {
    title: 'SPF 레코드 검사기',
    domain: '도메인',
    domainHint: '예: contoso.com',
    ip: '보내는 서버 IP 주소 (선택)',
    sender: '보낸 사람 주소 (선택)',
    optional: '특정 서버가 통과하는지 확인 (선택)',
    check: '검사',
    region: 'SPF 결과',
    checking: (d) => `${d}의 SPF 레코드를 조회하는 중…`,
    needDomain: '검사할 도메인을 입력하세요.',
    badIp: (ip) => `${q(ip)}은(는) IP 주소가 아닙니다. 예: 192.0.2.10 또는 2001:db8::10`,
    verdict: '판정',
    verdictFor: (ip, d) => `${ip}에서 ${d} 주소로 보낸 메일`,
    decidedBy: (term, d) => `결정한 항목: ${term} (${d}의 레코드)`,
    decidedDefault: '일치하는 항목이 없어 기본 결과가 적용되었습니다.',
    explanation: '거부 설명(exp=)',
    unlisted: (r) => `목록에 없는 서버가 받는 결과: ${r}`,
    record: '게시된 레코드',
    noRecordShown: '게시된 SPF 레코드가 없습니다.',
    term: '항목',
    meaning: '의미',
    tree: 'include/redirect 트리와 DNS 조회 수',
    lookups: 'DNS 조회',
    voids: '빈 응답 조회(void)',
    meterText: (n, max) => `${n} / ${max}`,
    branchLookups: (n) => `조회 ${n}회`,
    overLimit: '← 여기서 10회 조회 한도를 넘습니다',
    overVoid: '← 여기서 빈 응답 한도(2회)를 넘습니다',
    voidMark: '빈 응답',
    loopMark: '순환 참조',
    notEvaluated: '평가되지 않음',
    warnings: '경고와 수정 제안',
    noWarnings: '문제가 발견되지 않았습니다.',
    fix: '수정 방법: ',
    position: (p) => `${p + 1}번째 문자`,
    severity: { error: '오류', warning: '경고', info: '참고' },
    dnsFailed: 'DNS 조회에 실패했습니다',
    noResolver: '이 사이트에 DNS-over-HTTPS 서버가 설정되어 있지 않습니다.',
  },
  en: {
    title: 'SPF record checker',
    domain: 'Domain',
    domainHint: 'e.g. contoso.com',
    ip: 'Sending server IP address (optional)',
    sender: 'Sender address (optional)',
    optional: 'Check whether a given server passes (optional)',
    check: 'Check',
    region: 'SPF result',
    checking: (d) => `Looking up the SPF record of ${d}…`,
    needDomain: 'Enter a domain to check.',
    badIp: (ip) => `${q(ip)} is not an IP address. Example: 192.0.2.10 or 2001:db8::10`,
    verdict: 'Verdict',
    verdictFor: (ip, d) => `Mail from ${ip} with a sender at ${d}`,
    decidedBy: (term, d) => `Decided by: ${term} (in the record of ${d})`,
    decidedDefault: 'No term matched, so the default result applies.',
    explanation: 'Rejection explanation (exp=)',
    unlisted: (r) => `A server listed nowhere gets: ${r}`,
    record: 'Published record',
    noRecordShown: 'No SPF record is published.',
    term: 'Term',
    meaning: 'Meaning',
    tree: 'Include/redirect tree and DNS lookups',
    lookups: 'DNS lookups',
    voids: 'Void lookups',
    meterText: (n, max) => `${n} / ${max}`,
    branchLookups: (n) => `${n} lookup${n === 1 ? '' : 's'}`,
    overLimit: '← the 10-lookup limit is crossed here',
    overVoid: '← the 2-void-lookup limit is crossed here',
    voidMark: 'void',
    loopMark: 'loop',
    notEvaluated: 'not evaluated',
    warnings: 'Warnings and fixes',
    noWarnings: 'No problems found.',
    fix: 'Fix: ',
    position: (p) => `character ${p + 1}`,
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    dnsFailed: 'A DNS lookup failed',
    noResolver: 'No DNS-over-HTTPS resolver is configured for this site.',
  },
};

export const RESULTS = {
  ko: {
    pass: ['통과(pass)', '이 서버는 도메인의 메일을 보낼 권한이 있습니다.'],
    fail: ['실패(fail)', '도메인이 이 서버를 명시적으로 허용하지 않습니다. 수신 측은 메일을 거부할 수 있습니다(예: 5.7.23).'],
    softfail: ['약한 실패(softfail)', '허용되지 않은 것으로 보이지만, 거부 대신 의심 메일로 처리하라는 뜻입니다.'],
    neutral: ['중립(neutral)', '도메인이 이 서버에 대해 아무 주장도 하지 않습니다.'],
    none: ['없음(none)', '도메인에 SPF 레코드가 없거나 올바른 도메인이 아닙니다.'],
    permerror: ['영구 오류(permerror)', '레코드를 해석할 수 없습니다. 게시된 레코드를 고쳐야 합니다.'],
    temperror: ['일시 오류(temperror)', 'DNS 조회가 실패했거나 시간이 초과되었습니다. 잠시 후 다시 시도하세요.'],
  },
  en: {
    pass: ['pass', 'This server is authorized to send mail for the domain.'],
    fail: ['fail', 'The domain explicitly does not authorize this server. Receivers may reject the mail (e.g. 5.7.23).'],
    softfail: ['softfail', 'Probably not authorized; receivers should treat the mail as suspicious rather than reject it.'],
    neutral: ['neutral', 'The domain makes no assertion about this server.'],
    none: ['none', 'The domain has no SPF record, or is not a valid domain name.'],
    permerror: ['permerror', 'The record cannot be interpreted; the published record needs fixing.'],
    temperror: ['temperror', 'A DNS lookup failed or timed out; try again later.'],
  },
};

/** One sentence on what a term does. */
export function describeTerm(t, lang) {
  const ko = lang === 'ko';
  const res = QUAL[lang][t.qualifier || '+'];
  const target = t.domainText || (ko ? '이 도메인' : 'this domain');
  if (t.invalid) return ko ? `구문 오류: ${describeSyntax(t.error, lang)}` : `Syntax error: ${describeSyntax(t.error, lang)}`;
  if (t.kind === 'modifier') {
    if (t.name === 'redirect') {
      return ko ? `다른 항목이 일치하지 않으면 ${target}의 정책을 대신 사용합니다 (DNS 조회 1회).`
        : `If nothing else matched, use the policy of ${target} instead (1 DNS lookup).`;
    }
    if (t.name === 'exp') {
      return ko ? `실패 시 보낼 설명을 ${target}의 TXT 레코드에서 가져옵니다.`
        : `On fail, the explanation text comes from the TXT record of ${target}.`;
    }
    return ko ? `알 수 없는 수정자 ${q(t.name)}: 무시됩니다.` : `Unknown modifier ${q(t.name)}: ignored.`;
  }
  const then = ko ? ` 일치하면 결과는 ${res}.` : ` On a match the result is ${res}.`;
  switch (t.name) {
    case 'all':
      return ko ? `앞의 항목에 일치하지 않은 모든 서버에 해당합니다: ${res}.`
        : `Every server not matched before: ${res}.`;
    case 'include':
      return (ko ? `${target}의 SPF 레코드를 평가해 pass이면 일치합니다 (DNS 조회 1회 + 그 레코드의 조회).`
        : `Evaluates the SPF record of ${target}; matches if it passes (1 DNS lookup plus that record's own).`) + then;
    case 'a':
      return (ko ? `${target}의 A/AAAA 주소에 해당하는 서버 (DNS 조회 1회).`
        : `Servers at the A/AAAA addresses of ${target} (1 DNS lookup).`) + then;
    case 'mx':
      return (ko ? `${target}의 메일 서버(MX) 주소에 해당하는 서버 (DNS 조회 1회, MX 10개까지).`
        : `Servers at the addresses of ${target}'s mail exchangers (MX) (1 DNS lookup, at most 10 MX).`) + then;
    case 'ptr':
      return (ko ? `역방향 DNS 이름이 ${target}(으)로 끝나는 서버. 느리고 신뢰도가 낮아 사용하지 않는 것이 좋습니다 (RFC 7208 §5.5).`
        : `Servers whose reverse DNS name ends in ${target}. Slow and unreliable; do not use (RFC 7208 §5.5).`) + then;
    case 'ip4':
    case 'ip6':
      return (ko ? `주소 범위 ${t.text.replace(/^[-+~?]?ip[46]:/i, '')}에 속한 서버.`
        : `Servers in the address range ${t.text.replace(/^[-+~?]?ip[46]:/i, '')}.`) + then;
    case 'exists':
      return (ko ? `${target}에 A 레코드가 있으면 일치합니다 (DNS 조회 1회).`
        : `Matches if ${target} has any A record (1 DNS lookup).`) + then;
    default:
      return '';
  }
}

/** A warning's message and suggested fix. */
export function describeWarning(w, lang) {
  const ko = lang === 'ko';
  const d = w.domain || '';
  const at = w.position !== undefined ? (ko ? ` (${w.position + 1}번째 문자)` : ` (at character ${w.position + 1})`) : '';
  switch (w.code) {
    case 'no-record':
      return ko ? [`${d}에 SPF 레코드가 없습니다.`, `v=spf1 로 시작하는 TXT 레코드를 게시하세요. 예: v=spf1 include:${'spf.protection.outlook.com'} -all`]
        : [`${d} publishes no SPF record.`, 'Publish a TXT record starting with v=spf1, e.g. v=spf1 include:spf.protection.outlook.com -all'];
    case 'invalid-domain':
      return ko ? [`${q(d)}은(는) 올바른 도메인 이름이 아닙니다.`, 'contoso.com 같은 전체 도메인 이름을 입력하세요.']
        : [`${q(d)} is not a valid domain name.`, 'Enter a full domain name such as contoso.com.'];
    case 'multiple-records':
      return ko ? [`${d}에 SPF 레코드가 ${w.count}개 있습니다. 결과는 permerror입니다.`, '모든 항목을 하나의 v=spf1 레코드로 합치세요.']
        : [`${d} has ${w.count} SPF records, which is a permerror.`, 'Merge them into a single v=spf1 record.'];
    case 'syntax':
      return ko ? [`${d}의 레코드에 구문 오류가 있습니다${at}: ${w.term || ''} — ${describeSyntax(w, lang)}`, '해당 항목의 철자와 형식을 RFC 7208에 맞게 고치세요.']
        : [`Syntax error in the record of ${d}${at}: ${w.term || ''} — ${describeSyntax(w, lang)}`, 'Correct the spelling and form of that term (RFC 7208).'];
    case 'target-no-record':
      return ko ? [`${d}에 SPF 레코드가 없어 이를 참조하는 include/redirect는 permerror가 됩니다.`, '오타인지 확인하고, 필요 없는 include는 지우세요.']
        : [`${d} has no SPF record, so the include/redirect pointing at it is a permerror.`, 'Check the name for typos, and remove the include if it is no longer needed.'];
    case 'record-too-long':
      return ko ? [`${d}의 레코드가 ${w.size}바이트로 512바이트를 넘습니다.`, 'DNS 응답이 UDP에 들어가지 않을 수 있습니다. ip4/ip6 범위를 합치거나 하위 도메인 include로 나누세요.']
        : [`The record of ${d} is ${w.size} bytes, over 512.`, 'The DNS answer may not fit in UDP. Merge ip4/ip6 ranges or split the record into included subdomains.'];
    case 'string-too-long':
      return ko ? [`${d}의 레코드가 ${w.size}바이트로 255바이트를 넘습니다.`, '하나의 TXT 문자열은 255바이트까지입니다. DNS 호스팅에서 여러 문자열로 나누어 게시했는지 확인하세요.']
        : [`The record of ${d} is ${w.size} bytes, over 255.`, 'One TXT string holds at most 255 bytes; make sure your DNS host publishes it as several strings.'];
    case 'after-all':
      return ko ? [`${d}: ${w.all} 뒤의 ${w.term}은(는) 평가되지 않습니다${at}.`, `${w.term}을(를) ${w.all} 앞으로 옮기세요.`]
        : [`${d}: ${w.term} after ${w.all} is never evaluated${at}.`, `Move ${w.term} before ${w.all}.`];
    case 'plus-all':
      return ko ? [`${d}: ${w.term}은(는) 인터넷의 모든 서버를 허용합니다.`, '-all 또는 ~all로 바꾸세요.']
        : [`${d}: ${w.term} authorizes every server on the Internet.`, 'Use -all or ~all instead.'];
    case 'neutral-all':
      return ko ? [`${d}: ${w.term}은(는) 허용되지 않은 서버에 대해 아무것도 주장하지 않아 보호 효과가 없습니다.`, '보내는 서버를 모두 나열한 뒤 ~all 또는 -all을 사용하세요.']
        : [`${d}: ${w.term} asserts nothing about unlisted servers, so it protects nothing.`, 'List all your sending servers, then end with ~all or -all.'];
    case 'no-all':
      return ko ? [`${d}의 레코드에 all도 redirect도 없어 목록에 없는 서버는 neutral입니다.`, '레코드 끝에 ~all 또는 -all을 추가하세요.']
        : [`The record of ${d} has neither all nor redirect, so unlisted servers get neutral.`, 'End the record with ~all or -all.'];
    case 'ptr':
      return ko ? [`${d}: ${w.term} — ptr은 사용하지 말아야 합니다 (RFC 7208 §5.5).`, '서버의 ip4/ip6 주소나 a 항목으로 바꾸세요.']
        : [`${d}: ${w.term} — ptr SHOULD NOT be used (RFC 7208 §5.5).`, 'Replace it with the servers\' ip4/ip6 addresses or an a term.'];
    case 'duplicate-include':
      return ko ? [`include:${w.target}이(가) ${w.count}번 나옵니다.`, '중복된 include를 하나만 남기세요. 조회 한도를 낭비합니다.']
        : [`include:${w.target} appears ${w.count} times.`, 'Keep one; duplicates waste the lookup limit.'];
    case 'lookup-limit':
      return ko ? [`DNS 조회가 ${w.count}회로 한도 10회를 넘습니다${w.term ? ` (${w.domain}의 ${w.term}에서 초과)` : ''}. 결과는 permerror입니다.`, 'include를 줄이거나, 고정된 주소는 ip4/ip6로 직접 적거나, 필요 없는 a/mx/ptr 항목을 지우세요.']
        : [`${w.count} DNS lookups, over the limit of 10${w.term ? ` (crossed at ${w.term} in ${w.domain})` : ''}: a permerror.`, 'Remove unneeded includes and a/mx/ptr terms, or list fixed addresses as ip4/ip6.'];
    case 'void-lookup':
      return ko ? [`${d}: ${w.term}의 조회 결과가 비어 있습니다(존재하지 않는 이름).`, '오래된 항목이면 지우세요. 빈 응답이 2회를 넘으면 permerror입니다.']
        : [`${d}: the lookup for ${w.term} returned nothing (void lookup).`, 'Remove the stale term; more than 2 void lookups are a permerror.'];
    case 'void-limit':
      return ko ? [`빈 응답 조회가 ${w.count}회로 한도 2회를 넘습니다. 결과는 permerror입니다.`, '존재하지 않는 이름을 가리키는 항목을 지우세요.']
        : [`${w.count} void lookups, over the limit of 2: a permerror.`, 'Remove the terms that point at names that do not exist.'];
    case 'loop':
      return ko ? [`${d}: ${w.term}이(가) 이미 평가 중인 도메인을 다시 참조합니다.`, '순환하는 include/redirect를 지우세요.']
        : [`${d}: ${w.term} refers back to a domain already being evaluated.`, 'Remove the circular include/redirect.'];
    case 'mx-limit':
      return ko ? [`${d}: ${w.term}의 MX 레코드가 10개를 넘어 permerror입니다.`, 'mx 대신 ip4/ip6로 보내는 서버를 적으세요.']
        : [`${d}: ${w.term} names more than 10 MX records, a permerror.`, 'List the sending servers with ip4/ip6 instead of mx.'];
    case 'needs-ip':
      return ko ? [`${d}: ${w.term}은(는) 보내는 IP에 따라 달라지는 매크로를 씁니다.`, 'IP 주소를 입력하면 이 항목까지 평가합니다.']
        : [`${d}: ${w.term} uses macros that depend on the sending IP.`, 'Enter an IP address to evaluate this term too.'];
    case 'dns-timeout':
    case 'dns-error':
      return ko ? [`DNS 조회 실패: ${w.type || ''} ${w.domain || ''}`, '잠시 후 다시 시도하세요. 계속되면 도메인의 DNS 서버 상태를 확인하세요.']
        : [`DNS lookup failed: ${w.type || ''} ${w.domain || ''}`, 'Try again later; if it persists, check the domain\'s DNS servers.'];
    case 'm365-ok':
      return ko ? ['레코드가 Microsoft 365의 발신 서버(include:spf.protection.outlook.com)를 허용합니다.', '']
        : ['The record authorizes Microsoft 365\'s outbound servers (include:spf.protection.outlook.com).', ''];
    case 'm365-missing':
      return ko ? [`${d}의 레코드에 include:spf.protection.outlook.com이 없습니다. Microsoft 365로 보내는 메일은 5.7.23으로 거부될 수 있습니다.`, 'Microsoft 365에서 메일을 보낸다면 all 앞에 include:spf.protection.outlook.com을 추가하세요.']
        : [`The record of ${d} does not include spf.protection.outlook.com: mail sent through Microsoft 365 may be rejected with 5.7.23.`, 'If you send through Microsoft 365, add include:spf.protection.outlook.com before the all term.'];
    default:
      return [w.code, ''];
  }
}

const SYNTAX = {
  ko: {
    'non-ascii': () => '7비트 ASCII가 아닌 문자가 있습니다',
    char: (a) => `허용되지 않는 문자(${a.char})가 있습니다`,
    percent: () => "'%' 뒤에는 '{', '%', '_', '-' 중 하나가 와야 합니다",
    unterminated: () => '매크로가 }로 닫히지 않았습니다',
    macro: (a) => `잘못된 매크로 ${a.macro}`,
    'exp-only': (a) => `${a.macro} 매크로는 exp= 설명 문자열에서만 쓸 수 있습니다`,
    letter: (a) => `알 수 없는 매크로 ${a.macro}`,
    'zero-digits': () => '매크로의 숫자 변환자는 0일 수 없습니다',
    'empty-domain': () => '도메인이 비어 있습니다',
    toplabel: (a) => `${q(a.domain)}은(는) 올바른 최상위 레이블(예: .com)로 끝나지 않습니다`,
    version: () => 'v=spf1로 시작하지 않습니다',
    duplicate: (a) => `${a.name}=이(가) 두 번 이상 나옵니다`,
    term: () => '메커니즘도 수정자도 아닙니다',
    mechanism: (a) => `알 수 없는 메커니즘 ${q(a.name)}`,
    'after-name': (a) => `${a.name} 뒤에 올 수 없는 문자가 있습니다`,
    'all-arg': () => 'all 뒤에는 아무것도 붙일 수 없습니다',
    'needs-domain': (a) => `${a.name}에는 ':'와 도메인이 필요합니다`,
    'ptr-cidr': () => 'ptr에는 CIDR 길이를 붙일 수 없습니다',
    cidr: () => '잘못된 CIDR 길이입니다',
    'needs-address': (a) => `${a.name}에는 ':'와 주소가 필요합니다`,
    address: (a) => `${q(a.value)}은(는) 올바른 ${a.family} 주소가 아닙니다`,
    'cidr-zero': () => 'CIDR 길이가 0으로 시작합니다',
    'cidr-max': (a) => `CIDR 길이가 ${a.max}보다 큽니다`,
  },
  en: {
    'non-ascii': () => 'a character outside 7-bit ASCII',
    char: (a) => `a character that is not allowed (${a.char})`,
    percent: () => "'%' must be followed by '{', '%', '_' or '-'",
    unterminated: () => 'a macro not closed by }',
    macro: (a) => `invalid macro ${a.macro}`,
    'exp-only': (a) => `the ${a.macro} macro is only allowed in exp= explanation text`,
    letter: (a) => `unknown macro ${a.macro}`,
    'zero-digits': () => 'a macro digit transformer cannot be 0',
    'empty-domain': () => 'the domain is empty',
    toplabel: (a) => `${q(a.domain)} does not end in a valid top-level label (like .com)`,
    version: () => 'the record does not start with v=spf1',
    duplicate: (a) => `${a.name}= appears more than once`,
    term: () => 'neither a mechanism nor a modifier',
    mechanism: (a) => `unknown mechanism ${q(a.name)}`,
    'after-name': (a) => `unexpected characters after ${a.name}`,
    'all-arg': () => 'all takes no argument',
    'needs-domain': (a) => `${a.name} needs ':' and a domain`,
    'ptr-cidr': () => 'ptr takes no CIDR length',
    cidr: () => 'invalid CIDR length',
    'needs-address': (a) => `${a.name} needs ':' and an address`,
    address: (a) => `${q(a.value)} is not a valid ${a.family} address`,
    'cidr-zero': () => 'the CIDR length has a leading zero',
    'cidr-max': (a) => `the CIDR length is more than ${a.max}`,
  },
};

/** Why a record does not parse, in the reader's language (falls back to the engine's English). */
export function describeSyntax(err, lang) {
  const f = err && SYNTAX[lang][err.reason];
  return f ? f(err.args || {}) : (err && err.message) || '';
}

/** An error result (permerror, temperror) in one sentence. */
export function describeError(e, lang) {
  const ko = lang === 'ko';
  switch (e.code) {
    case 'syntax':
      return ko ? `${e.domain ? `${e.domain}의 ` : ''}레코드 구문 오류 (${e.position + 1}번째 문자): ${describeSyntax(e, lang)}`
        : `Syntax error in the record${e.domain ? ` of ${e.domain}` : ''} at character ${e.position + 1}: ${describeSyntax(e, lang)}`;
    case 'multiple-records':
      return ko ? `${e.domain}에 SPF 레코드가 ${e.count}개 있습니다.` : `${e.domain} has ${e.count} SPF records.`;
    case 'lookup-limit':
      return ko ? 'DNS 조회가 10회 한도를 넘었습니다.' : 'More than 10 DNS lookups.';
    case 'void-limit':
      return ko ? '빈 응답 조회가 2회 한도를 넘었습니다.' : 'More than 2 void lookups.';
    case 'mx-limit':
      return ko ? 'MX 레코드가 10개를 넘습니다.' : 'More than 10 MX records.';
    case 'include-none':
    case 'redirect-none':
      return ko ? `참조한 도메인에 SPF 레코드가 없습니다 (${e.term}).` : `The referenced domain has no SPF record (${e.term}).`;
    case 'dns-timeout':
      return ko ? `${e.name}의 ${e.type} 조회가 시간 안에 응답하지 않았습니다.` : `The ${e.type} lookup of ${e.name} timed out.`;
    case 'dns-error':
      return ko ? `${e.name}의 ${e.type} 조회가 실패했습니다.` : `The ${e.type} lookup of ${e.name} failed.`;
    case 'bad-ip':
      return ko ? 'IP 주소가 올바르지 않습니다.' : 'The IP address is not valid.';
    default:
      return e.message || e.code;
  }
}

/** The page language as the interface knows it. */
export const pickLang = (tag) => (String(tag || '').toLowerCase().startsWith('ko') ? 'ko' : 'en');
