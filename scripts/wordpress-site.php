<?php
/**
 * PHP CLI half of scripts/wordpress-setup.sh (Debian ships no wp-cli):
 *
 *   php scripts/wordpress-site.php install      installs WordPress into the empty database
 *   php scripts/wordpress-site.php seed ROOT    activates the plugin, creates the test posts, prints them as JSON
 *   php scripts/wordpress-site.php theme SLUG   switches the theme
 *   php scripts/wordpress-site.php recipe ROOT PARENT   docs/wordpress.md's recipe in a child theme, plugin off
 *   php scripts/wordpress-site.php uninstall    runs the plugin's uninstall.php, prints what is left
 *
 * Debian's wp-config.php picks /etc/wordpress/config-<host>.php by HTTP_HOST,
 * so the host is set before WordPress loads.
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';

$command = $argv[1] ?? '';

if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
	require '/usr/share/wordpress/wp-load.php';
	// No mail server here: the "your new site" mail is not sent.
	function wp_new_blog_notification() {}
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$result = wp_install( 'anp components on WordPress', 'admin', 'admin@example.invalid', false, '', wp_generate_password( 24 ) );
	fwrite( STDERR, 'wordpress-site: installed WordPress ' . $GLOBALS['wp_version'] . ' (user ' . $result['user_id'] . ")\n" );
	exit( 0 );
}

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_set_current_user( 1 );

/** Switches to the theme `$slug`, prints which theme is on and whether it is a block theme, and ends. */
function anp_switch_theme( $slug ) {
	switch_theme( $slug );
	echo wp_json_encode(
		array(
			'theme'      => get_stylesheet(),
			'blockTheme' => wp_is_block_theme(),
		)
	), "\n";
	exit( 0 );
}

if ( 'theme' === $command ) {
	$slug  = $argv[2] ?? '';
	$theme = wp_get_theme( $slug );
	if ( ! $theme->exists() ) {
		fwrite( STDERR, "wordpress-site: theme $slug is not installed\n" );
		exit( 1 );
	}
	anp_switch_theme( $slug );
}

if ( 'uninstall' === $command ) {
	// What Plugins > Delete runs: uninstall.php. Its options go; the posts' meta stays.
	$before = get_option( 'anp_components_append', 'absent' );
	uninstall_plugin( 'anp-components/anp-components.php' );
	wp_cache_flush();
	$meta = get_posts(
		array(
			'post_type'   => 'post',
			'numberposts' => -1,
			'meta_key'    => 'anp_article', // phpcs:ignore WordPress.DB.SlowDBQuery
			'fields'      => 'ids',
		)
	);
	echo wp_json_encode(
		array(
			'optionBefore'  => $before,
			'optionAfter'   => get_option( 'anp_components_append', 'absent' ),
			'postsWithMeta' => count( $meta ),
		)
	), "\n";
	exit( 0 );
}

if ( 'recipe' === $command ) {
	// The theme-only recipe of docs/wordpress.md, verbatim, in a child theme, with the plugin off.
	$root   = rtrim( $argv[2] ?? '.', '/' );
	$parent = $argv[3] ?? '';
	$doc    = file_get_contents( $root . '/docs/wordpress.md' );
	$code   = null;
	if ( preg_match_all( '/```php\n(.*?)```/s', $doc, $blocks ) ) {
		foreach ( $blocks[1] as $block ) {
			if ( false !== strpos( $block, "functions.php: the anp elements" ) ) {
				$code = $block;
			}
		}
	}
	if ( null === $code || ! wp_get_theme( $parent )->exists() ) {
		fwrite( STDERR, "wordpress-site: no functions.php block in docs/wordpress.md, or no theme $parent\n" );
		exit( 1 );
	}
	$slug = 'anp-recipe-' . $parent;
	$dir  = get_theme_root() . '/' . $slug;
	wp_mkdir_p( $dir . '/assets' );
	file_put_contents( $dir . '/style.css', "/*\nTheme Name: anp recipe ($parent child)\nTemplate: $parent\n*/\n" );
	file_put_contents( $dir . '/functions.php', $code );
	// As docs/wordpress.md's recipe says: the script and its sibling files, side by side.
	foreach ( array( 'anp-components.iife.js', 'anp-components.sanitizer.iife.js', 'anp-components.locales.iife.js', 'anp-components.signals.iife.js' ) as $file ) {
		copy( $root . '/dist/' . $file, $dir . '/assets/' . $file );
	}
	deactivate_plugins( 'anp-components/anp-components.php' );
	anp_switch_theme( $slug );
}

if ( 'seed' !== $command ) {
	fwrite( STDERR, "usage: php wordpress-site.php install|seed ROOT|theme SLUG\n" );
	exit( 2 );
}

$root      = rtrim( $argv[2] ?? '.', '/' );
$activated = activate_plugin( 'anp-components/anp-components.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, 'wordpress-site: activation failed: ' . $activated->get_error_message() . "\n" );
	exit( 1 );
}

$seed       = file_get_contents( $root . '/test/fixtures/seed-article.json' );
$with_posts = file_get_contents( $root . '/test/fixtures/article-with-posts.json' );
$hostile    = file_get_contents( $root . '/test/fixtures/wordpress-hostile.json' );

// A few paragraphs, as a real post has, before the elements.
$paragraphs = array(
	'Before a migration, the quality signals of the data are measured where they are produced: row counts per source, null rates per column, and the lag between the event and its arrival.',
	'Each signal gets a budget and an owner. A budget that nobody owns is a graph that nobody reads; the alert goes to the person who can change the producer.',
	'The migration itself runs twice: once against a copy with realistic data, where the before and after metrics are compared, and once for real, with the rollback written down first.',
	'What was learnt goes into the runbook the same day, while the numbers are still fresh.',
);
$classic_body = implode( "\n\n", $paragraphs );
$block_body   = '';
foreach ( $paragraphs as $paragraph ) {
	$block_body .= "<!-- wp:paragraph -->\n<p>" . $paragraph . "</p>\n<!-- /wp:paragraph -->\n\n";
}

// post_content, meta (null: none). update_post_meta() unslashes its value,
// so it is slashed first (a JSON string holds backslashes).
$posts = array(
	'seed-string'     => array( 'Seed article, meta as a JSON string', $classic_body, $seed ),
	'seed-array'      => array( 'Seed article, meta as a PHP array', $classic_body, json_decode( $seed, true ) ),
	'with-posts'      => array( 'Article with similar posts', $classic_body, $with_posts ),
	'empty-objects'   => array( 'Empty objects, meta as a PHP array', $classic_body, json_decode( '{"meta":{"topic":"objects kept as objects","ai_outline":{},"flags":{},"payload":{},"score":{"depth":42},"checklist":["the one item"]},"similar_posts":[]}', true ) ),
	'empty-article'   => array( 'Empty article', $classic_body, '{}' ),
	'hostile'         => array( 'Hostile article', $classic_body, $hostile ),
	'shortcode'       => array( 'Shortcode', $classic_body . "\n\n[anp_article]\n\nA paragraph after the shortcode.", $seed ),
	'block'           => array( 'Block', $block_body . "<!-- wp:anp/article /-->\n\n<!-- wp:paragraph -->\n<p>A paragraph after the block.</p>\n<!-- /wp:paragraph -->", $seed ),
	'shortcode-empty' => array( 'Shortcode with an empty article', $classic_body . "\n\n[anp_article]", '{}' ),
	'no-article'      => array( 'No article', $classic_body, null ),
);

// The sample post and page of a fresh install stay; ours are the newest.
$out  = array(
	'wordpress' => $GLOBALS['wp_version'],
	'front'     => home_url( '/' ),
	'posts'     => array(),
);
$date = time() - 3600;
foreach ( $posts as $slug => list( $title, $content, $meta ) ) {
	$id = wp_insert_post(
		array(
			'post_title'   => $title,
			'post_name'    => $slug,
			'post_content' => $content,
			'post_status'  => 'publish',
			'post_type'    => 'post',
			'post_author'  => 1,
			'post_date'    => gmdate( 'Y-m-d H:i:s', $date++ ),
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, "wordpress-site: $slug: " . $id->get_error_message() . "\n" );
		exit( 1 );
	}
	if ( null !== $meta ) {
		update_post_meta( $id, 'anp_article', wp_slash( $meta ) );
		$stored = get_post_meta( $id, 'anp_article', true );
		if ( $stored !== $meta ) {
			fwrite( STDERR, "wordpress-site: $slug: meta did not round-trip\n" );
			exit( 1 );
		}
	}
	$out['posts'][ $slug ] = array(
		'id'  => $id,
		'url' => get_permalink( $id ),
	);
}
echo wp_json_encode( $out, JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT ), "\n";
