/* check_html.c - the HTML stage (blocks/html/walk.c and its helpers): the
 * blocks html2text.py --lines would make, the skipped and hidden content,
 * every tag, container bit, class/id hint and link count a block carries,
 * the best container, the page hints, and deep or degenerate markup. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks/html/html.h"
#include "classify/classify.h"
#include "outline.h"
#include "testutil.h"

/* Runs the pipeline up to the features on an HTML string. */
static void run(nc_doc *d, const char *html)
{
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_HTML;
    nc_status st = nc_pipeline(html, strlen(html), &o, d);
    ck_assert_msg(st == NC_OK, "nc_pipeline: %s", nc_strerror(st));
}

/* The block with exactly this text; fails the test when there is none. */
static const nc_block *block(const nc_doc *d, const char *text)
{
    for (size_t i = 0; i < d->nblocks; i++)
        if (strcmp(d->blocks[i].text, text) == 0)
            return &d->blocks[i];
    ck_abort_msg("no block \"%s\"", text);
    return NULL;
}

static bool has_block(const nc_doc *d, const char *text)
{
    for (size_t i = 0; i < d->nblocks; i++)
        if (strstr(d->blocks[i].text, text))
            return true;
    return false;
}

static void expect_blocks(const nc_doc *d, const char *const *want, size_t n)
{
    for (size_t i = 0; i < n && i < d->nblocks; i++)
        ck_assert_str_eq(d->blocks[i].text, want[i]);
    ck_assert_uint_eq(d->nblocks, n);
}

START_TEST(test_blocks_like_html2text)
{
    nc_doc d;
    run(&d, "<html><body><div>Intro <b>bold</b><i>joined</i> text"
            "<p>A <a href=x>link</a>, then&nbsp;more &amp; &lt;done&gt;.</p>"
            "<p>First line<br>Second   line<br/>Third</p>"
            "<table><tr><td>cell one</td><td>cell two</td></tr>"
            "<tr><th>head</th><td>x</td></tr></table>"
            "<pre>  code line 1\n\n  code line 2\n</pre>"
            "<ul><li>one</li><li>two <span>words</span></li></ul>"
            "tail</div></body></html>");
    static const char *const want[] = {
        "Intro boldjoined text", "A link, then more & <done>.", "First line",
        "Second line", "Third", "cell one cell two", "head x", "code line 1",
        "code line 2", "one", "two words", "tail"};
    expect_blocks(&d, want, sizeof want / sizeof *want);
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_skipped_elements)
{
    nc_doc d;
    run(&d, "<html><head><title>The title</title><style>p{color:red}</style>"
            "<script>var x = 'script text';</script></head><body>"
            "<p>kept one</p><noscript>noscript text</noscript>"
            "<template><p>template text</p></template>"
            "<svg><title>svg title</title><text>svg text</text></svg>"
            "<math><mi>math text</mi></math><iframe>iframe text</iframe>"
            "<object>object text</object><canvas>canvas text</canvas>"
            "<select><option>option text</option></select>"
            "<textarea>textarea text</textarea><p>kept two</p>"
            /* ruby readings (furigana) are no words of the sentence */
            "<p>日本<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rt>じ</rt></ruby>です</p>"
            "</body></html>");
    static const char *const want[] = {"kept one", "kept two", "日本漢字です"};
    expect_blocks(&d, want, 3);
    ck_assert_str_eq(d.html_title, "The title");
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_hidden_elements)
{
    nc_doc d;
    run(&d, "<body style=\"display:none\"><p>visible one</p>"
            "<div hidden><p>hidden menu</p></div>"
            "<div aria-hidden=\"true\">aria menu</div>"
            "<div style=\"color: red; display : none\">styled away</div>"
            "<ul style=\"visibility:hidden\"><li>invisible</li></ul>"
            "<p>price <span aria-hidden=\"true\">icon</span>10</p>"
            "<div style=\"display:block\">shown</div></body>");
    static const char *const want[] = {"visible one", "price 10", "shown"};
    expect_blocks(&d, want, 3);
    nc_doc_free(&d);
}
END_TEST

/* n <p> paragraphs long enough for a hidden element to be kept (>= 150
 * characters each), appended to buf. */
static void add_long_paragraphs(char *buf, int n)
{
    for (int i = 0; i < n; i++)
        strcat(buf, "<p>This paragraph of the article has enough words in it to be "
                    "read as real text, well over the length of a menu item or a "
                    "button label, and then some more words to make it long, longer "
                    "than the shortest paragraph a hidden element keeps.</p>");
}

START_TEST(test_hidden_article_kept)
{
    /* React streams content into <div hidden> and moves it with a script:
     * real paragraphs in a hidden block stay, marked NC_HINT_HIDDEN. */
    char page[4096] = "<body><div hidden id=\"S:0\">";
    add_long_paragraphs(page, 4);
    strcat(page, "</div><div hidden><a href=x>Menu</a></div></body>");
    nc_doc d;
    run(&d, page);
    ck_assert_uint_eq(d.nblocks, 4);
    ck_assert(d.blocks[0].hints & NC_HINT_HIDDEN);
    ck_assert(!has_block(&d, "Menu"));
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_hidden_paragraph_dropped)
{
    /* A hidden <p> is a paragraph the page does not show, however long:
     * only a hidden container is read as an article a script reveals. */
    char page[4096] = "<body>";
    add_long_paragraphs(page, 1);
    static const char *const hiders[] = {"<p style=\"display: none;\">", "<p hidden>"};
    for (int i = 0; i < 2; i++) {
        strcat(page, hiders[i]);
        for (int k = 0; k < 6; k++)
            strcat(page, "Hidden text of the page, sed diam nonumy eirmod tempor "
                         "invidunt ut labore et dolore magna aliquyam erat. ");
        strcat(page, "</p>");
    }
    strcat(page, "</body>");
    nc_doc d;
    run(&d, page);
    ck_assert_uint_eq(d.nblocks, 1);
    ck_assert(!has_block(&d, "Hidden text"));
    nc_doc_free(&d);
}
END_TEST

/* <noscript> is skipped unless the page shows no body without it: then
 * nc_clean reads it (as a hidden element) and says so in the flags. */
START_TEST(test_noscript_fallback)
{
    char para[1024] = "";
    add_long_paragraphs(para, 3);
    char page[4096];
    snprintf(page, sizeof page,
             "<html><body><nav><a href=/>Home</a></nav><div class=post>"
             "<script type=\"text/template\">%s</script><noscript>%s</noscript>"
             "</div><footer>Privacy Terms</footer></body></html>", para, para);
    nc_result *r = NULL;
    ck_assert_int_eq(nc_clean(page, strlen(page), NULL, &r), NC_OK);
    ck_assert_uint_eq(nc_result_paragraph_count(r), 3);
    ck_assert(nc_result_flags(r) & NC_FLAG_FROM_NOSCRIPT);
    nc_result_free(r);

    /* A page with its own body: the noscript note stays out, no flag. */
    snprintf(page, sizeof page,
             "<html><body>%s<noscript><p>Please enable JavaScript to see the "
             "comments of this blog post and to use every feature of this site, "
             "which needs it for almost everything it does.</p></noscript>"
             "</body></html>", para);
    ck_assert_int_eq(nc_clean(page, strlen(page), NULL, &r), NC_OK);
    ck_assert_uint_eq(nc_result_paragraph_count(r), 3);
    ck_assert_uint_eq(nc_result_flags(r) & NC_FLAG_FROM_NOSCRIPT, 0);
    ck_assert_ptr_null(strstr(nc_result_text(r, NULL), "JavaScript"));
    nc_result_free(r);

    /* A page that kept nothing but shows a tagline (which the first pass
     * returns as its only text): the <noscript> posts come first. */
    snprintf(page, sizeof page,
             "<html><body><nav><a href=/>Home</a></nav><header><div>Example Community "
             "Forums</div><div>Share and learn in the community.</div></header>"
             "<noscript data-path=/t/1>%s</noscript></body></html>", para);
    ck_assert_int_eq(nc_clean(page, strlen(page), NULL, &r), NC_OK);
    ck_assert(nc_result_flags(r) & NC_FLAG_FROM_NOSCRIPT);
    /* the three posts (whether the header's tagline goes with them is the
     * model's call) */
    size_t posts = 0;
    for (const char *t = nc_result_text(r, NULL); (t = strstr(t, "This paragraph")); t++)
        posts++;
    ck_assert_uint_eq(posts, 3);
    nc_result_free(r);

    /* Nothing in the noscript either: the first pass's result, no flag. */
    const char *empty = "<html><body><noscript><img src=x></noscript><p>Hi</p></body></html>";
    ck_assert_int_eq(nc_clean(empty, strlen(empty), NULL, &r), NC_OK);
    ck_assert_uint_eq(nc_result_flags(r) & NC_FLAG_FROM_NOSCRIPT, 0);
    nc_result_free(r);
}
END_TEST

START_TEST(test_tags)
{
    nc_doc d;
    run(&d, "<body><p>para</p><h1>h one</h1><h2>h two</h2><h3>h three</h3>"
            "<h4>h four</h4><h5>h five</h5><h6>h six</h6><ul><li>item</li></ul>"
            "<table><tr><td>cell</td></tr></table><pre>pre text</pre>"
            "<blockquote>quoted</blockquote><figure><figcaption>cap</figcaption>"
            "</figure><dl><dt>term</dt><dd>definition</dd></dl>"
            "<div>direct div</div><section>in section</section>"
            "<div><p>para in div</p></div><li>stray <b>bold</b></li></body>");
    ck_assert_int_eq(block(&d, "para")->tag, NC_TAG_P);
    ck_assert_int_eq(block(&d, "h one")->tag, NC_TAG_H1);
    ck_assert_int_eq(block(&d, "h two")->tag, NC_TAG_H2);
    ck_assert_int_eq(block(&d, "h three")->tag, NC_TAG_H3);
    ck_assert_int_eq(block(&d, "h four")->tag, NC_TAG_H4);
    ck_assert_int_eq(block(&d, "h five")->tag, NC_TAG_H5);
    ck_assert_int_eq(block(&d, "h six")->tag, NC_TAG_H6);
    ck_assert_int_eq(block(&d, "item")->tag, NC_TAG_LI);
    ck_assert(block(&d, "item")->list_item);
    ck_assert(!block(&d, "para")->list_item);
    ck_assert_int_eq(block(&d, "cell")->tag, NC_TAG_TD);
    ck_assert_int_eq(block(&d, "pre text")->tag, NC_TAG_PRE);
    ck_assert_int_eq(block(&d, "quoted")->tag, NC_TAG_BLOCKQUOTE);
    ck_assert_int_eq(block(&d, "cap")->tag, NC_TAG_FIGCAPTION);
    ck_assert_int_eq(block(&d, "term")->tag, NC_TAG_DT);
    ck_assert_int_eq(block(&d, "definition")->tag, NC_TAG_DD);
    ck_assert_int_eq(block(&d, "direct div")->tag, NC_TAG_DIV);
    ck_assert_int_eq(block(&d, "in section")->tag, NC_TAG_OTHER);
    ck_assert_int_eq(block(&d, "para in div")->tag, NC_TAG_P);
    ck_assert_int_eq(block(&d, "stray bold")->tag, NC_TAG_LI);
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_in_bits)
{
    nc_doc d;
    run(&d, "<body><header>in header</header><nav>in nav</nav>"
            "<main><article><p>in article</p>"
            "<div itemprop=\"articleBody\"><p>in body</p></div></article></main>"
            "<aside>in aside</aside><form>in form <button>in button</button></form>"
            "<figure>in figure</figure><ul><li>in list</li></ul>"
            "<table><tr><td>in table</td></tr></table>"
            "<blockquote>in quote</blockquote><footer>in footer</footer>"
            "<div role=\"navigation\">role nav</div></body>");
    ck_assert_uint_eq(block(&d, "in header")->in, NC_IN_HEADER);
    ck_assert_uint_eq(block(&d, "in nav")->in, NC_IN_NAV);
    ck_assert(block(&d, "in article")->in & NC_IN_ARTICLE);
    ck_assert(block(&d, "in article")->in & NC_IN_MAIN);
    ck_assert(!(block(&d, "in article")->in & NC_IN_ARTICLE_BODY));
    ck_assert(block(&d, "in body")->in & NC_IN_ARTICLE_BODY);
    ck_assert(block(&d, "in aside")->in & NC_IN_ASIDE);
    ck_assert(block(&d, "in form in button")->in & NC_IN_FORM);
    ck_assert(block(&d, "in form in button")->in & NC_IN_BUTTON);
    ck_assert(block(&d, "in figure")->in & NC_IN_FIGURE);
    ck_assert(block(&d, "in list")->in & NC_IN_LIST);
    ck_assert(block(&d, "in table")->in & NC_IN_TABLE);
    ck_assert(block(&d, "in quote")->in & NC_IN_BLOCKQUOTE);
    ck_assert(block(&d, "in footer")->in & NC_IN_FOOTER);
    ck_assert(block(&d, "role nav")->in & NC_IN_NAV);
    ck_assert(!(block(&d, "in header")->in & NC_IN_NAV));
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_links)
{
    nc_doc d;
    run(&d, "<body><p><a href=a>all one link</a></p>"
            "<p><a href=a>first</a> <a href=b>second</a></p>"
            "<p>text and <a href=a>link</a></p>"
            "<h2><a href=a><span>nested</span> link</a></h2></body>");
    const nc_block *b = block(&d, "all one link");
    ck_assert(b->in & NC_IN_LINK);
    ck_assert(b->link_chars == 10.0f); /* non-space characters */
    b = block(&d, "first second");
    ck_assert(!(b->in & NC_IN_LINK)); /* two links */
    ck_assert(b->link_chars == 11.0f);
    b = block(&d, "text and link");
    ck_assert(!(b->in & NC_IN_LINK));
    ck_assert(b->link_chars == 4.0f);
    ck_assert(block(&d, "nested link")->in & NC_IN_LINK);
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_script_links_are_text)
{
    /* Paragraphs wrapped in <a href="javascript:..."> (a script's handle,
     * not a link to another page) are text, not a page of links; a short
     * script link inside a paragraph ("Show more") is still a link. */
    nc_doc d;
    run(&d, "<body><a href=\" JavaScript:void(0)\"><p>abc</p><div>def</div></a>"
            "<p><a href=\"javascript:more()\">Show more</a></p>"
            "<p><a href=\"/javascript:x\"><span>a path</span></a></p></body>");
    const nc_block *b = block(&d, "abc");
    ck_assert(b->link_chars == 0.0f);
    ck_assert(!(b->in & NC_IN_LINK));
    ck_assert(block(&d, "def")->link_chars == 0.0f);
    ck_assert(block(&d, "Show more")->link_chars == 8.0f);
    ck_assert(block(&d, "a path")->link_chars == 5.0f);
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_token_hints)
{
    static const struct { const char *value; uint32_t want; } cases[] = {
        {"main-nav", NC_HINT_NAV},
        {"navbar", NC_HINT_NAV},
        {"site-menu", NC_HINT_NAV},
        {"breadcrumbs", NC_HINT_BREADCRUMB},
        {"share-buttons", NC_HINT_SHARE},
        {"social", NC_HINT_SHARE},
        {"related-posts", NC_HINT_RELATED},
        {"more-stories", NC_HINT_RELATED},
        {"promo", NC_HINT_PROMO},
        {"teaser-box", NC_HINT_PROMO},
        {"comments", NC_HINT_COMMENT},
        {"disqus_thread", NC_HINT_COMMENT},
        {"wp-caption", NC_HINT_CAPTION},
        {"photo-credit", NC_HINT_CREDIT},
        {"copyright", NC_HINT_CREDIT},
        {"byline", NC_HINT_BYLINE},
        {"author-name", NC_HINT_BYLINE},
        {"cookie-banner", NC_HINT_COOKIE},
        {"gdpr-consent", NC_HINT_COOKIE},
        {"newsletter-signup", NC_HINT_NEWSLETTER},
        {"subscribe", NC_HINT_NEWSLETTER},
        {"ad", NC_HINT_AD},
        {"ad-slot", NC_HINT_AD},
        {"ads", NC_HINT_AD},
        {"advertisement", NC_HINT_AD},
        {"sponsored", NC_HINT_AD},
        {"site-footer", NC_HINT_FOOTER},
        {"sidebar", NC_HINT_SIDEBAR},
        {"widget_text", NC_HINT_SIDEBAR},
        {"entry-content", NC_HINT_CONTENT},
        {"article-body", NC_HINT_CONTENT},
        {"post-body", NC_HINT_CONTENT},
        {"storyText", NC_HINT_CONTENT},
        {"articleBody", NC_HINT_CONTENT},
        {"sr-only", NC_HINT_HIDDEN},
        {"visually-hidden", NC_HINT_HIDDEN},
        {"headline", NC_HINT_TITLE},
        {"entry-title", NC_HINT_CONTENT | NC_HINT_TITLE},
        {"post-date", NC_HINT_META},
        {"datePublished", NC_HINT_META},
        {"tags", NC_HINT_META},
        {"category", NC_HINT_META},
        {"contentinfo", NC_HINT_FOOTER},
        /* Whole tokens only: none of these is an ad. */
        {"header", 0},
        {"read", 0},
        {"address", 0},
        {"shadow", 0},
        {"load-more", 0},
        {"", 0},
        {"---", 0},
        {"x1 y2 z3", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        uint32_t got = nc_html_token_hints(cases[i].value) & ~NC_HTML_PRIVATE;
        ck_assert_msg(got == cases[i].want, "\"%s\": hints %#x, want %#x",
                      cases[i].value, got, cases[i].want);
    }
    /* Readability's unlikely words are flagged; content words are not. */
    ck_assert(nc_html_token_hints("comments") & NC_HTML_UNLIKELY);
    ck_assert(nc_html_token_hints("site-header") & NC_HTML_UNLIKELY);
    ck_assert(nc_html_token_hints("sidebar") & NC_HTML_UNLIKELY);
    ck_assert(!(nc_html_token_hints("elementor-widget") & NC_HTML_UNLIKELY));
    ck_assert(!(nc_html_token_hints("entry-content") & NC_HTML_UNLIKELY));
    /* A token longer than the buffer is matched on its prefix. */
    ck_assert_uint_eq(nc_html_token_hints("commentsxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx") &
                          ~NC_HTML_PRIVATE,
                      NC_HINT_COMMENT);
}
END_TEST

START_TEST(test_hints_inherited)
{
    nc_doc d;
    run(&d, "<html class=\"comments-open\"><body class=\"has-sidebar\">"
            "<div id=\"comments\"><ol class=\"list\"><li><p>a comment</p></li></ol></div>"
            "<p>plain <span class=\"byline\">by someone</span></p>"
            "<div class=\"ad\">an ad</div><div class=\"header\">a header</div>"
            "</body></html>");
    ck_assert_uint_eq(block(&d, "a comment")->hints, NC_HINT_COMMENT);
    /* Inline elements add their hints to the block they are in. */
    ck_assert_uint_eq(block(&d, "plain by someone")->hints, NC_HINT_BYLINE);
    ck_assert_uint_eq(block(&d, "an ad")->hints, NC_HINT_AD);
    /* html and body classes describe the page, not a region. */
    ck_assert_uint_eq(block(&d, "a header")->hints, 0);
    nc_doc_free(&d);
    /* An id of six or more words is a heading's anchor: no hints; a short
     * one still names the part. */
    run(&d, "<section id=\"code-respond-to-an-incoming-text-message\"><p>a section</p>"
            "</section><div id=\"respond\"><p>a reply form</p></div>"
            "<div id=\"comments-list-of-this-post\"><p>five words</p></div>");
    ck_assert_uint_eq(block(&d, "a section")->hints, 0);
    ck_assert_uint_eq(block(&d, "a reply form")->hints, NC_HINT_COMMENT);
    ck_assert_uint_eq(block(&d, "five words")->hints, NC_HINT_COMMENT);
    nc_doc_free(&d);
    /* A blog post's container (hentry, h-entry, type-post) names the post's
     * author, categories and tags in classes: those give no hints there;
     * its other classes still do, and the same classes elsewhere do. */
    run(&d, "<article class=\"post hentry category-social-media tag-navigation "
            "author-jane-doe\"><p>the post</p></article>"
            "<div class=\"h-entry tag-comments\"><p>a note</p></div>"
            "<div class=\"type-post tag-list sidebar\"><p>a card</p></div>"
            "<div class=\"author-box\"><p>about the author</p></div>"
            "<div class=\"hentryx tag-navigation\"><p>a menu</p></div>");
    ck_assert_uint_eq(block(&d, "the post")->hints, 0);
    ck_assert_uint_eq(block(&d, "a note")->hints, NC_HINT_CONTENT); /* h-entry */
    ck_assert_uint_eq(block(&d, "a card")->hints, NC_HINT_SIDEBAR);
    ck_assert_uint_eq(block(&d, "about the author")->hints, NC_HINT_BYLINE);
    ck_assert_uint_eq(block(&d, "a menu")->hints, NC_HINT_META | NC_HINT_NAV);
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_depth_gap)
{
    nc_doc d;
    run(&d, "<body><div><p>one</p><p>two</p></div><div><p>three</p></div>"
            "<p>four<br>five</p></body>");
    ck_assert(block(&d, "one")->gap_before);
    ck_assert(!block(&d, "two")->gap_before);
    ck_assert(block(&d, "three")->gap_before);
    ck_assert(block(&d, "four")->gap_before);
    ck_assert(!block(&d, "five")->gap_before);
    /* html(1) body(2) div(3) p(4) */
    ck_assert_uint_eq(block(&d, "one")->depth, 4);
    ck_assert_uint_eq(block(&d, "four")->depth, 3);
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_best_container)
{
    char page[8192] = "<body><div class=\"nav\"><ul>"
                      "<li><a href=a>Home</a></li><li><a href=b>World</a></li></ul></div>"
                      "<div id=\"main\"><h1>A headline</h1>";
    for (int i = 0; i < 5; i++)
        strcat(page, "<p>A paragraph of the story, with commas, clauses, and enough "
                     "words to count as real text for the scoring of its parent.</p>");
    strcat(page, "</div><div class=\"sidebar\"><p>Short sidebar text here.</p>"
                 "<p><a href=c>A link to another story on this site</a></p></div>"
                 "<div><p>Another container with a paragraph long enough to be "
                 "scored on its own but only once.</p></div></body>");
    nc_doc d;
    run(&d, page);
    for (size_t i = 0; i < d.nblocks; i++) {
        const nc_block *b = &d.blocks[i];
        bool want = strncmp(b->text, "A paragraph", 11) == 0 ||
                    strcmp(b->text, "A headline") == 0;
        ck_assert_msg(!!(b->in & NC_IN_BEST) == want, "block \"%s\": best %d",
                      b->text, !!(b->in & NC_IN_BEST));
    }
    nc_doc_free(&d);
    /* No paragraph anywhere: nothing is best. */
    run(&d, "<body><a href=a>one</a><a href=b>two</a></body>");
    for (size_t i = 0; i < d.nblocks; i++)
        ck_assert(!(d.blocks[i].in & NC_IN_BEST));
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_best_wide)
{
    /* A page builder: every paragraph in a widget of its own, the widgets
     * in two columns. Readability's pick is the fuller column; the wide
     * container holds both. */
    static const char widget[] = "<div class=\"widget\"><p>One paragraph of the "
                                 "article, with a comma, sits in a widget of its "
                                 "own here.</p></div>";
    char page[16384] = "<body><nav><ul><li><a href=a>Home</a></li><li><a href=b>News</a>"
                       "</li></ul></nav><div class=\"row\"><div class=\"col main\">";
    for (int i = 0; i < 6; i++)
        strcat(page, widget);
    strcat(page, "</div><div class=\"col side\">"); /* no same-class bonus */
    for (int i = 0; i < 3; i++)
        strcat(page, widget);
    strcat(page, "</div></div><footer><p>Copyright and a few links</p></footer></body>");
    nc_doc d;
    run(&d, page);
    size_t paragraphs = 0, best = 0;
    for (size_t i = 0; i < d.nblocks; i++) {
        const nc_block *b = &d.blocks[i];
        bool para = strncmp(b->text, "One paragraph", 13) == 0;
        paragraphs += para;
        best += !!(b->in & NC_IN_BEST);
        ck_assert_msg(!!(b->in & NC_IN_BEST_WIDE) == para, "\"%s\": wide %d", b->text,
                      !!(b->in & NC_IN_BEST_WIDE));
        if (b->in & NC_IN_BEST)
            ck_assert(b->in & NC_IN_BEST_WIDE); /* a superset */
    }
    ck_assert_uint_eq(paragraphs, 9);
    ck_assert_uint_eq(best, 6);
    nc_doc_free(&d);
    /* Same class as the best: Readability's sibling bonus takes it in. */
    char *side = strstr(page, "col side");
    memcpy(side, "col main", 8);
    run(&d, page);
    best = 0;
    for (size_t i = 0; i < d.nblocks; i++)
        best += !!(d.blocks[i].in & NC_IN_BEST);
    ck_assert_uint_eq(best, 9);
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_page_hints)
{
    nc_doc d;
    run(&d, "<html lang=\"de-DE\"><head><title>Die Nachricht | Die Zeitung</title>"
            "<meta property=\"og:title\" content=\" Die  Nachricht \">"
            "<meta property=\"og:site_name\" content=\"Die Zeitung\">"
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
            "\"headline\":\"x\", \"articleBody\" : \"Zeile eins.\\nZeile \\\"zwei\\\" "
            "\\u00fcber \\ud83d\\ude00 \\/ Ende\"}</script></head>"
            "<body><h1>Die Nachricht</h1><p>Text.</p></body></html>");
    ck_assert_str_eq(d.html_lang, "de-DE");
    ck_assert_str_eq(d.html_title, "Die Nachricht | Die Zeitung");
    ck_assert_str_eq(d.og_title, "Die Nachricht");
    ck_assert_str_eq(d.site_name, "Die Zeitung");
    ck_assert_str_eq(d.ld_body,
                     "Zeile eins.\nZeile \"zwei\" \xC3\xBC" "ber \xF0\x9F\x98\x80 / Ende");
    ck_assert_str_eq(d.title, "Die Nachricht");
    nc_doc_free(&d);
    /* Without og:title: the h1 that matches <title>. */
    run(&d, "<title>Storms hit the coast - Daily News</title><body>"
            "<h1>Daily News</h1><h1>Storms hit the coast</h1><p>x</p></body>");
    ck_assert_str_eq(d.title, "Storms hit the coast");
    ck_assert_ptr_null(d.ld_body);
    nc_doc_free(&d);
    /* No matching h1: <title> without its site part. */
    run(&d, "<title>Storms hit the coast | Daily News</title><body>"
            "<h1>Menu</h1><p>x</p></body>");
    ck_assert_str_eq(d.title, "Storms hit the coast");
    nc_doc_free(&d);
    run(&d, "<title>Daily News :: Storms hit the whole coast</title><p>x</p>");
    ck_assert_str_eq(d.title, "Storms hit the whole coast");
    nc_doc_free(&d);
    /* og:title keeps its site suffix: dropped when it names the site. */
    run(&d, "<meta property=og:title content=\"Storms hit | The Daily News Online\">"
            "<meta property=og:site_name content=\"The Daily News Online\"><p>x</p>");
    ck_assert_str_eq(d.title, "Storms hit");
    nc_doc_free(&d);
    /* A long last part is part of the headline. */
    run(&d, "<title>Machine learning in shops - ten benefits and use cases</title><p>x</p>");
    ck_assert_str_eq(d.title, "Machine learning in shops - ten benefits and use cases");
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_ld_body_scan)
{
    nc_arena a;
    nc_arena_init(&a);
    const char *j = "{\"articleBodyX\":\"no\",\"articleBody\":5,\"articleBody\":\"yes\"}";
    ck_assert_str_eq(nc_html_ld_body(&a, j, strlen(j)), "yes");
    j = "{\"articleBody\":\"unterminated";
    ck_assert_ptr_null(nc_html_ld_body(&a, j, strlen(j)));
    j = "{\"articleBody\":\"bad \\uZZZZ \\ud800 end\"}";
    ck_assert_str_eq(nc_html_ld_body(&a, j, strlen(j)), "bad ?ZZZZ \xEF\xBF\xBD end");
    nc_arena_free(&a);
}
END_TEST

START_TEST(test_page_type)
{
    static const struct {
        const char *json;
        int type;
    } ld[] = {
        {"{\"@type\":\"NewsArticle\",\"headline\":\"x\"}", NC_PAGE_ARTICLE},
        {"{\"@type\" : [\"WebPage\", \"BlogPosting\"]}", NC_PAGE_ARTICLE},
        {"[{\"@type\":\"WebSite\"},{\"@type\":\"Article\"}]", NC_PAGE_ARTICLE},
        {"{\"@type\":\"Product\",\"name\":\"Article 7 shoes\"}", NC_PAGE_OTHER},
        {"{\"@type\":\"DiscussionForumPosting\"}", NC_PAGE_OTHER},
        {"{\"@type\":[]}", NC_PAGE_UNTYPED},
        {"{\"headline\":\"no type\"}", NC_PAGE_UNTYPED},
        {"{\"@type\":\"Article", NC_PAGE_UNTYPED}, /* the name never closes */
        {"{\"@type\":[\"Product\", \"News", NC_PAGE_OTHER},
        {"{\"@type\"", NC_PAGE_UNTYPED},
    };
    for (size_t i = 0; i < sizeof ld / sizeof *ld; i++)
        ck_assert_msg(nc_html_ld_declared(ld[i].json, strlen(ld[i].json)).type == ld[i].type,
                      "%s", ld[i].json);
    ck_assert_int_eq(nc_html_og_declared("article").type, NC_PAGE_ARTICLE);
    ck_assert_int_eq(nc_html_og_declared("Article:news").type, NC_PAGE_ARTICLE);
    ck_assert_int_eq(nc_html_og_declared("website").type, NC_PAGE_OTHER);
    ck_assert_int_eq(nc_html_og_declared("").type, NC_PAGE_OTHER);
    /* The kind counts only the types that name non-article content. */
    static const struct {
        const char *json;
        int kind;
    } kinds[] = {
        {"{\"@type\":\"Product\",\"name\":\"Article 7 shoes\"}", NC_PAGE_OTHER},
        {"{\"@type\":\"DiscussionForumPosting\"}", NC_PAGE_OTHER},
        {"[{\"@type\":\"WebSite\"},{\"@type\":\"ItemList\"}]", NC_PAGE_OTHER},
        {"{\"@type\":[\"WebPage\", \"BlogPosting\"]}", NC_PAGE_ARTICLE},
        {"[{\"@type\":\"Organization\"},{\"@type\":\"BreadcrumbList\"}]", NC_PAGE_UNTYPED},
        {"{\"@type\":\"Products\"}", NC_PAGE_UNTYPED}, /* whole names only */
        {"{\"@type\":[\"Event\", \"Prod", NC_PAGE_OTHER},
        {"{\"@type\":\"LocalBusiness\"}", NC_PAGE_UNTYPED},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        ck_assert_msg(nc_html_ld_declared(kinds[i].json, strlen(kinds[i].json)).kind ==
                          kinds[i].kind,
                      "%s", kinds[i].json);
    ck_assert_int_eq(nc_html_og_declared("article").kind, NC_PAGE_ARTICLE);
    ck_assert_int_eq(nc_html_og_declared("product").kind, NC_PAGE_OTHER);
    ck_assert_int_eq(nc_html_og_declared("Website").kind, NC_PAGE_UNTYPED);
    ck_assert_int_eq(nc_html_og_declared("blog").kind, NC_PAGE_UNTYPED);
    ck_assert_int_eq(nc_html_og_declared("").kind, NC_PAGE_UNTYPED);
    /* The page: the larger of og:type and JSON-LD wins, in any order. */
    nc_doc d;
    run(&d, "<meta property=og:type content=website><script type=application/ld+json>"
            "{\"@type\":\"NewsArticle\"}</script><p>x</p>");
    ck_assert_int_eq(d.page_type, NC_PAGE_ARTICLE);
    nc_doc_free(&d);
    run(&d, "<meta property=og:type content=product><p>x</p>");
    ck_assert_int_eq(d.page_type, NC_PAGE_OTHER);
    ck_assert_int_eq(d.page_kind, NC_PAGE_OTHER);
    nc_doc_free(&d);
    run(&d, "<meta property=og:type content=website><script type=application/ld+json>"
            "{\"@type\":\"Organization\"}</script><p>x</p>");
    ck_assert_int_eq(d.page_type, NC_PAGE_OTHER);
    ck_assert_int_eq(d.page_kind, NC_PAGE_UNTYPED);
    nc_doc_free(&d);
    run(&d, "<p>x</p>");
    ck_assert_int_eq(d.page_type, NC_PAGE_UNTYPED);
    ck_assert_int_eq(d.page_kind, NC_PAGE_UNTYPED);
    nc_doc_free(&d);
}
END_TEST

/* Look-alike groups: the article's paragraphs share one parent (1 at both
 * levels); each comment repeats one structure with a parent of its own. */
START_TEST(test_groups)
{
    nc_doc d;
    run(&d, "<article><div class=body><p>First paragraph.</p><p>Second paragraph.</p>"
            "</div></article><ol class=comments>"
            "<li class=comment><div class=text><p>Comment one.</p></div></li>"
            "<li class=comment><div class=text><p>Comment two.</p></div></li>"
            "<li class=comment><div class=text><p>Comment three.</p></div></li>"
            "</ol><div class=card><h3>A teaser</h3></div>");
    const nc_block *b = block(&d, "Second paragraph.");
    ck_assert_int_eq(b->groups[0], 1);
    ck_assert_int_eq(b->groups[1], 1);
    b = block(&d, "Comment two.");
    ck_assert_int_eq(b->groups[0], 3); /* div.text in li.comment, three times */
    ck_assert_int_eq(b->groups[1], 3); /* li.comment in ol.comments */
    b = block(&d, "A teaser");
    ck_assert_int_eq(b->groups[0], 1);
    /* Numbered groups: the comments share one, the paragraphs another. */
    ck_assert_uint_ne(block(&d, "Comment one.")->group, 0);
    ck_assert_uint_eq(block(&d, "Comment one.")->group, block(&d, "Comment three.")->group);
    ck_assert_uint_eq(block(&d, "First paragraph.")->group,
                      block(&d, "Second paragraph.")->group);
    ck_assert_uint_ne(block(&d, "First paragraph.")->group, block(&d, "Comment one.")->group);
    ck_assert_uint_le(b->group, d.ngroups);
    /* Stage 2 reads how a block's look-alikes scored in stage 1: the mean
     * of the others with its key; -1 for a block alone with its key. */
    for (size_t i = 0; i < d.nblocks; i++)
        d.blocks[i].score1 = strncmp(d.blocks[i].text, "Comment t", 9) == 0 ? 0.2f : 0.8f;
    nc_context_walk cw;
    nc_classify_context_start(&d, &cw);
    ck_assert_float_eq_tol(block(&d, "Comment one.")->group_score1, 0.2f, 1e-6f);
    ck_assert_float_eq_tol(block(&d, "Comment two.")->group_score1, 0.5f, 1e-6f);
    ck_assert_float_eq_tol(block(&d, "First paragraph.")->group_score1, 0.8f, 1e-6f);
    ck_assert_float_eq_tol(block(&d, "A teaser")->group_score1, -1.0f, 1e-6f);
    nc_doc_free(&d);
    /* Text has no elements: 0. */
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_TEXT;
    ck_assert_int_eq(nc_pipeline("One line.\n\nTwo lines.\n", 22, &o, &d), NC_OK);
    ck_assert_uint_gt(d.nblocks, 0);
    ck_assert_int_eq(d.blocks[0].groups[0], 0);
    ck_assert_uint_eq(d.blocks[0].group, 0);
    ck_assert_uint_eq(d.ngroups, 0);
    nc_doc_free(&d);
}
END_TEST

static char *nested(const char *open, const char *close, size_t n, const char *inner)
{
    size_t lo = strlen(open), lc = strlen(close), li = strlen(inner);
    char *s = malloc(n * (lo + lc) + li + 1);
    ck_assert_ptr_nonnull(s);
    char *p = s;
    for (size_t i = 0; i < n; i++, p += lo)
        memcpy(p, open, lo);
    memcpy(p, inner, li);
    p += li;
    for (size_t i = 0; i < n; i++, p += lc)
        memcpy(p, close, lc);
    *p = '\0';
    return s;
}

START_TEST(test_deep_nesting)
{
    /* 100,000 nested elements: no recursion, the text is still read, and
     * the flag says the depth limit cut. Unclosed ones too. */
    static const char *const opens[] = {"<div>", "<span>", "<b>", "<div>"};
    static const char *const closes[] = {"</div>", "</span>", "</b>", ""};
    for (size_t k = 0; k < 4; k++) {
        char *s = nested(opens[k], closes[k], 100000, "<p>deep text <a href=x>here</a></p>");
        nc_doc d;
        run(&d, s);
        ck_assert(d.flags & NC_FLAG_TRUNCATED_DEPTH);
        ck_assert(has_block(&d, "deep text here"));
        nc_doc_free(&d);
        free(s);
    }
    /* Within the limit: no flag. */
    char *s = nested("<div>", "</div>", 100, "<p>shallow</p>");
    nc_doc d;
    run(&d, s);
    ck_assert(!(d.flags & NC_FLAG_TRUNCATED_DEPTH));
    ck_assert_uint_eq(block(&d, "shallow")->depth, 103);
    nc_doc_free(&d);
    free(s);
}
END_TEST

START_TEST(test_many_elements)
{
    /* More elements than records are kept for: the walk goes on, the
     * text at the end is read. */
    size_t n = (1u << 20) + 1000;
    char *s = nested("<b></b>", "", n, "<p>the last paragraph</p>");
    nc_doc d;
    run(&d, s);
    ck_assert(has_block(&d, "the last paragraph"));
    nc_doc_free(&d);
    free(s);
}
END_TEST

START_TEST(test_max_blocks_stops)
{
    nc_options o;
    nc_options_init(&o);
    o.input = NC_INPUT_HTML;
    o.max_blocks = 3;
    const char *page = "<p>1</p><p>2</p><p>3</p><p>4</p><p>5</p>";
    nc_doc d;
    ck_assert_int_eq(nc_pipeline(page, strlen(page), &o, &d), NC_OK);
    ck_assert_uint_eq(d.nblocks, 3);
    ck_assert(d.flags & NC_FLAG_TRUNCATED_BLOCKS);
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_broken_markup)
{
    nc_doc d;
    run(&d, "<p>unclosed <b>bold <i>both</p><p>next</b> one</i><div>"
            "</span></td><p>after stray ends<li>item<li>item two"
            "<p>text &unknown; &#233;t&#xE9; &#0; end");
    ck_assert(has_block(&d, "unclosed bold both"));
    ck_assert(has_block(&d, "next one"));
    ck_assert(has_block(&d, "after stray ends"));
    ck_assert(has_block(&d, "item two"));
    ck_assert(has_block(&d, "\xC3\xA9t\xC3\xA9"));
    for (size_t i = 0; i < d.nblocks; i++)
        ck_assert(tu_valid_utf8(d.blocks[i].text, d.blocks[i].len));
    nc_doc_free(&d);
    /* A stale charset declaration does not change how UTF-8 is read. */
    run(&d, "<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>");
    ck_assert(has_block(&d, "caf\xC3\xA9"));
    nc_doc_free(&d);
    run(&d, "<p>Webmaster&nbsp</p><p>&copy 2024 &amp;nbsp;</p>");
    ck_assert(has_block(&d, "Webmaster"));
    ck_assert(has_block(&d, "\xC2\xA9 2024 &nbsp;"));
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_unclosed_inside_landmark)
{
    /* libxml2 2.9 ignores </nav> while a <div> inside is open; browsers
     * close the nav, and so must the evidence. */
    nc_doc d;
    run(&d, "<body><nav><div>menu</nav><p>para</p>"
            "<footer><div><span>foot</footer><p>after footer</p>"
            "<a href=x><div>link div</a> after link"
            "<template><div>template text</template><p>after template</p></body>");
    ck_assert_uint_eq(block(&d, "menu")->in, NC_IN_NAV);
    ck_assert_uint_eq(block(&d, "para")->in, 0);
    ck_assert_uint_eq(block(&d, "foot")->in, NC_IN_FOOTER);
    ck_assert_uint_eq(block(&d, "after footer")->in, 0);
    ck_assert(block(&d, "link div")->in & NC_IN_LINK);
    ck_assert(block(&d, "after link")->link_chars == 0.0f);
    ck_assert(!has_block(&d, "template text"));
    ck_assert(has_block(&d, "after template"));
    nc_doc_free(&d);
}
END_TEST

START_TEST(test_random_markup)
{
    /* Soup of tags, broken tags, entities and text: every block valid
     * UTF-8, the evidence in range, no crash (ASan/valgrind see more). */
    static const char *const pieces[] = {
        "<div>", "</div>", "<p>", "</p>", "<nav>", "</nav>", "<a href=x>", "</a>",
        "<span class=\"ad\">", "</span>", "<li>", "<ul>", "</ul>", "<table>", "<td>",
        "</table>", "<script>", "</script>", "<style>", "<template>", "</template>",
        "<div hidden>", "<div aria-hidden=\"true\">", "<pre>", "</pre>", "<br>",
        "<title>", "</title>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&nbsp",
        "&#x1F600;", "&#0;", "&", "<", ">", "\"", "text ", "more words, ",
        "\xC3\xA9", "\xE2\x80\x8B", "<h1>", "</h1>", "<svg>", "</svg>",
        "<meta property=og:title content=x>", "<html lang=en>", "<body>", "</body>",
        "<footer>", "</footer>", "<b>", "</i>", "<p/>", "</br>", "<x-custom>"};
    uint32_t seed = 12345;
    char buf[4096];
    for (int round = 0; round < 300; round++) {
        size_t len = 0;
        for (int k = 0; k < 120; k++) {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            const char *piece = pieces[seed % (sizeof pieces / sizeof *pieces)];
            size_t n = strlen(piece);
            if (len + n >= sizeof buf)
                break;
            memcpy(buf + len, piece, n);
            len += n;
        }
        buf[len] = '\0';
        nc_doc d;
        run(&d, buf);
        for (size_t i = 0; i < d.nblocks; i++) {
            const nc_block *b = &d.blocks[i];
            ck_assert(tu_valid_utf8(b->text, b->len));
            ck_assert(b->tag > NC_TAG_NONE && b->tag < NC_TAG_COUNT);
            ck_assert(b->link_chars >= 0 && b->link_chars <= (float)b->len);
        }
        nc_doc_free(&d);
    }
}
END_TEST

static void *clean_thread(void *arg)
{
    const char *page = arg;
    for (int i = 0; i < 50; i++) {
        nc_result *r = NULL;
        nc_options o;
        nc_options_init(&o);
        o.input = NC_INPUT_HTML;
        if (nc_clean(page, strlen(page), &o, &r) != NC_OK)
            return (void *)1;
        bool ok = nc_result_block_count(r) == 3;
        nc_result_free(r);
        if (!ok)
            return (void *)1;
    }
    return NULL;
}

START_TEST(test_threads)
{
    /* The one-time libxml2 set-up and the parse are safe from threads. */
    static const char page[] = "<title>t</title><p>one paragraph</p><div hidden>x</div>"
                               "<p>two</p><ul><li>three</li></ul>";
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, clean_thread, (void *)page), 0);
    for (int i = 0; i < 4; i++) {
        void *ret;
        pthread_join(t[i], &ret);
        ck_assert_ptr_null(ret);
    }
}
END_TEST

static Suite *html_suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("blocks");
    tcase_add_test(tc, test_blocks_like_html2text);
    tcase_add_test(tc, test_skipped_elements);
    tcase_add_test(tc, test_hidden_elements);
    tcase_add_test(tc, test_hidden_article_kept);
    tcase_add_test(tc, test_hidden_paragraph_dropped);
    tcase_add_test(tc, test_script_links_are_text);
    tcase_add_test(tc, test_noscript_fallback);
    tcase_add_test(tc, test_tags);
    tcase_add_test(tc, test_in_bits);
    tcase_add_test(tc, test_links);
    tcase_add_test(tc, test_token_hints);
    tcase_add_test(tc, test_hints_inherited);
    tcase_add_test(tc, test_depth_gap);
    tcase_add_test(tc, test_best_container);
    tcase_add_test(tc, test_best_wide);
    tcase_add_test(tc, test_page_hints);
    tcase_add_test(tc, test_ld_body_scan);
    tcase_add_test(tc, test_page_type);
    tcase_add_test(tc, test_groups);
    tcase_add_test(tc, test_max_blocks_stops);
    tcase_add_test(tc, test_broken_markup);
    tcase_add_test(tc, test_unclosed_inside_landmark);
    tcase_add_test(tc, test_random_markup);
    suite_add_tcase(s, tc);
    TCase *big = tcase_create("limits");
    tcase_set_timeout(big, 120);
    tcase_add_test(big, test_deep_nesting);
    tcase_add_test(big, test_threads);
    tcase_add_test(big, test_many_elements);
    suite_add_tcase(s, big);
    return s;
}

int main(void) { return tu_run(html_suite()); }
