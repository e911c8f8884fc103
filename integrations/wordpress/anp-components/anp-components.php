<?php
/**
 * Plugin Name:       anp components
 * Description:       Shows a post's anp_article meta (meta box, score bars, checklist, similar posts) with the anp web components: a block, a shortcode, and an option to append them after the post content.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       anp-components
 *
 * @package anp-components
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'ANP_COMPONENTS_VERSION', '0.1.0' );
define( 'ANP_COMPONENTS_HANDLE', 'anp-components' );
define( 'ANP_COMPONENTS_OPTION_APPEND', 'anp_components_append' );
define( 'ANP_COMPONENTS_META_KEY', 'anp_article' );

/**
 * The elements a block or shortcode may print, in page order, by short name.
 *
 * @return string[]
 */
function anp_components_known_elements() {
	return array( 'meta-box', 'score-bars', 'checklist', 'similar-posts' );
}

/**
 * Turns "meta-box, checklist" (or an array) into known element names, in the
 * order given, without repeats. Unknown names are dropped; nothing known left
 * means every element.
 *
 * @param mixed $elements Comma list or array of short names.
 * @return string[]
 */
function anp_components_parse_elements( $elements ) {
	$known = anp_components_known_elements();
	if ( is_string( $elements ) ) {
		$elements = explode( ',', $elements );
	}
	if ( ! is_array( $elements ) ) {
		return $known;
	}
	$picked = array();
	foreach ( $elements as $name ) {
		$name = strtolower( trim( (string) $name ) );
		$name = preg_replace( '/^anp-/', '', $name );
		if ( in_array( $name, $known, true ) && ! in_array( $name, $picked, true ) ) {
			$picked[] = $name;
		}
	}
	return $picked ? $picked : $known;
}

/**
 * Whether a PHP array is a list (keys 0..n-1 in order), as JSON arrays are.
 *
 * @param array $value Any array.
 * @return bool
 */
function anp_components_is_list( array $value ) {
	$expected = 0;
	foreach ( array_keys( $value ) as $key ) {
		if ( $key !== $expected ) {
			return false;
		}
		++$expected;
	}
	return true;
}

/**
 * Converts post meta stored as a PHP array (WordPress serializes arrays) into
 * the shape JSON needs: string-keyed arrays become objects, lists stay lists,
 * recursively. An empty array stays a list ([]); the library reads [] where
 * it expects an object as an empty object.
 *
 * @param mixed $value Decoded meta value.
 * @param int   $depth Current depth (guards against absurd nesting).
 * @return mixed
 */
function anp_components_objects_from_arrays( $value, $depth = 0 ) {
	if ( $depth > 64 ) {
		return null;
	}
	if ( is_object( $value ) ) {
		$value = get_object_vars( $value );
		if ( ! $value ) {
			return new stdClass();
		}
	}
	if ( ! is_array( $value ) ) {
		return $value;
	}
	$converted = array();
	foreach ( $value as $key => $item ) {
		$converted[ $key ] = anp_components_objects_from_arrays( $item, $depth + 1 );
	}
	if ( ! $converted || anp_components_is_list( $converted ) ) {
		return $converted;
	}
	return (object) $converted;
}

/**
 * Reads the article from post meta `anp_article`: a JSON string (decoded to
 * objects, so {} stays {}) or a PHP array (string keys become objects).
 * Returns null when there is no article: missing meta, an empty string,
 * invalid JSON, or a value with no fields.
 *
 * @param int $post_id Post ID.
 * @return object|array|null
 */
function anp_components_get_article( $post_id ) {
	$post_id = (int) $post_id;
	if ( $post_id <= 0 ) {
		return null;
	}
	$raw = get_post_meta( $post_id, ANP_COMPONENTS_META_KEY, true );
	if ( is_string( $raw ) ) {
		$raw = trim( $raw );
		if ( '' === $raw ) {
			return null;
		}
		// Objects, not associative arrays: json_decode($s, true) would turn {} into [].
		$data = json_decode( $raw, false, 64 );
		if ( JSON_ERROR_NONE !== json_last_error() ) {
			return null;
		}
	} else {
		$data = anp_components_objects_from_arrays( $raw );
	}
	if ( is_object( $data ) ) {
		return get_object_vars( $data ) ? $data : null;
	}
	if ( is_array( $data ) ) {
		// A list is not an article; hand it on anyway (the library reports it)
		// unless it is empty.
		return $data ? $data : null;
	}
	return null;
}

/**
 * The JSON printed inside <script type="application/json">. JSON_HEX_TAG
 * turns every < and > into \u003C and \u003E, so no string in the data can
 * close the script element ("</script>") or open a comment ("<!--");
 * JSON_HEX_AMP does the same for &, so nothing reads as an entity.
 *
 * @param mixed $data Article (objects for JSON objects).
 * @return string
 */
function anp_components_json( $data ) {
	$json = wp_json_encode( $data, JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
	return is_string( $json ) ? $json : '{}';
}

/**
 * How many rows each element will show, so the space it takes can be reserved
 * before the script defines it (no layout shift when it arrives).
 *
 * @param mixed    $article  Article or null.
 * @param string[] $elements Elements printed.
 * @return array<string,int> Rows by element name.
 */
function anp_components_estimate_rows( $article, array $elements ) {
	$meta  = ( is_object( $article ) && isset( $article->meta ) ) ? $article->meta : null;
	$meta  = is_object( $meta ) ? get_object_vars( $meta ) : ( is_array( $meta ) ? $meta : array() );
	$count = function ( $value ) {
		if ( is_object( $value ) ) {
			return count( get_object_vars( $value ) );
		}
		return is_array( $value ) ? count( $value ) : 0;
	};
	$posts = ( is_object( $article ) && isset( $article->similar_posts ) ) ? $count( $article->similar_posts ) : 0;
	// The meta box leaves out what its siblings in the same <anp-article> show.
	$shown_elsewhere = array(
		'score-bars'    => 'score',
		'checklist'     => 'checklist',
		'similar-posts' => 'similar_posts',
	);
	$meta_rows = 0;
	foreach ( $meta as $key => $value ) {
		$name = array_search( $key, $shown_elsewhere, true );
		if ( false !== $name && in_array( $name, $elements, true ) ) {
			continue;
		}
		$meta_rows += max( 1, $count( $value ) );
	}
	return array(
		'meta-box'      => max( 1, $meta_rows ),
		'score-bars'    => max( 1, $count( $meta['score'] ?? null ) ),
		'checklist'     => max( 1, $count( $meta['checklist'] ?? null ) ),
		'similar-posts' => max( 1, $posts ),
	);
}

/**
 * The markup: <anp-article> with the JSON in a script child and one empty
 * element per name; the elements read the article from their <anp-article>.
 * Each element carries --anp-reserve-rows, which the plugin's stylesheet
 * turns into a reserved height until the element is defined, and not after.
 *
 * @param mixed    $article  Article (null prints {} so the elements show their empty state).
 * @param string[] $elements Short element names.
 * @return string
 */
function anp_components_markup( $article, array $elements ) {
	$rows = anp_components_estimate_rows( $article, $elements );
	$html = '<anp-article class="anp-components"><script type="application/json">'
		. anp_components_json( null === $article ? new stdClass() : $article )
		. '</script>';
	foreach ( $elements as $name ) {
		$html .= sprintf(
			'<anp-%1$s style="--anp-reserve-rows:%2$d"></anp-%1$s>',
			esc_attr( $name ),
			(int) $rows[ $name ]
		);
	}
	return $html . '</anp-article>';
}

/**
 * Prints the markup for one post and makes sure the script and stylesheet
 * are on the page. Shared by the block, the shortcode and the content filter.
 *
 * @param int      $post_id     Post whose meta to show.
 * @param string[] $elements    Short element names.
 * @param bool     $empty_state True: an empty article prints the elements with {} (their empty state); false: prints nothing.
 * @return string
 */
function anp_components_render( $post_id, array $elements, $empty_state ) {
	$article = anp_components_get_article( $post_id );
	if ( null === $article && ! $empty_state ) {
		return '';
	}
	return anp_components_enqueue_and_style() . anp_components_markup( $article, $elements );
}

/** Whether this WordPress has script loading strategies (6.3+). */
function anp_components_has_strategy() {
	return version_compare( $GLOBALS['wp_version'], '6.3', '>=' );
}

/**
 * The stylesheet: display block, and a reserved height only until defined,
 * or while an element waits for the sanitizer or its words (`:state(pending)`:
 * the post's article holds markup and DOMPurify is still loading, or the
 * site's language has a label pack that is still loading). `:is()` keeps a
 * browser without custom states from dropping the rule.
 */
function anp_components_css() {
	$tags    = 'anp-article,anp-meta-box,anp-score-bars,anp-checklist,anp-similar-posts';
	$waiting = ':is(:not(:defined),:state(pending))';
	return $tags . '{display:block}'
		. 'anp-meta-box' . $waiting . '{min-block-size:calc(var(--anp-reserve-rows,1) * 2.1em + 2.6em)}'
		. 'anp-score-bars' . $waiting . '{min-block-size:calc(var(--anp-reserve-rows,1) * 1.9em + 2.8em)}'
		. 'anp-checklist' . $waiting . '{min-block-size:calc(var(--anp-reserve-rows,1) * 1.9em + 2.8em)}'
		. 'anp-similar-posts' . $waiting . '{min-block-size:calc(var(--anp-reserve-rows,1) * 1.9em + 2.8em)}';
}

/** Registers the script and the stylesheet (once). */
function anp_components_register_assets() {
	if ( wp_script_is( ANP_COMPONENTS_HANDLE, 'registered' ) ) {
		return;
	}
	$src = plugins_url( 'assets/anp-components.iife.js', __FILE__ );
	if ( anp_components_has_strategy() ) {
		wp_register_script(
			ANP_COMPONENTS_HANDLE,
			$src,
			array(),
			ANP_COMPONENTS_VERSION,
			array(
				'strategy'  => 'defer',
				'in_footer' => false,
			)
		);
	} else {
		// Before 6.3: in the footer, with defer added by anp_components_defer_tag().
		wp_register_script( ANP_COMPONENTS_HANDLE, $src, array(), ANP_COMPONENTS_VERSION, true );
	}
	wp_register_style( ANP_COMPONENTS_HANDLE, false, array(), ANP_COMPONENTS_VERSION );
	wp_add_inline_style( ANP_COMPONENTS_HANDLE, anp_components_css() );
}

/**
 * Before WordPress 6.3 there is no loading strategy: add defer to our tag.
 *
 * @param string $tag    The <script> tag.
 * @param string $handle Its handle.
 * @return string
 */
function anp_components_defer_tag( $tag, $handle ) {
	if ( ANP_COMPONENTS_HANDLE !== $handle || anp_components_has_strategy() || false !== strpos( $tag, ' defer' ) ) {
		return $tag;
	}
	return str_replace( ' src=', ' defer src=', $tag );
}
add_filter( 'script_loader_tag', 'anp_components_defer_tag', 10, 2 );

/**
 * Enqueues the script and the stylesheet from the render path. When the head
 * is already printed (a classic theme renders the content after wp_head) and
 * the stylesheet was not in it, the style is returned inline, once, so the
 * reservation applies before the elements are painted.
 *
 * @return string Inline <style> to print before the markup, or ''.
 */
function anp_components_enqueue_and_style() {
	anp_components_register_assets();
	wp_enqueue_script( ANP_COMPONENTS_HANDLE );
	if ( wp_style_is( ANP_COMPONENTS_HANDLE, 'done' ) ) {
		return '';
	}
	if ( ! did_action( 'wp_head' ) ) {
		wp_enqueue_style( ANP_COMPONENTS_HANDLE );
		return '';
	}
	wp_styles()->done[] = ANP_COMPONENTS_HANDLE;
	return '<style id="anp-components-inline-css">' . anp_components_css() . '</style>';
}

/** Whether the append option is on (default on). */
function anp_components_append_enabled() {
	return (bool) get_option( ANP_COMPONENTS_OPTION_APPEND, true );
}

/**
 * Whether a post places the elements itself (block or shortcode), in which
 * case the content filter does not append a second copy.
 *
 * @param WP_Post $post Post.
 * @return bool
 */
function anp_components_post_places_itself( $post ) {
	return has_shortcode( $post->post_content, 'anp_article' ) || has_block( 'anp/article', $post );
}

/**
 * On a single post's page, enqueue the script and stylesheet early so they
 * land in the head (deferred) instead of the footer.
 */
function anp_components_enqueue_early() {
	anp_components_register_assets();
	if ( ! is_singular() ) {
		return;
	}
	$post = get_queried_object();
	if ( ! ( $post instanceof WP_Post ) ) {
		return;
	}
	$places_itself = anp_components_post_places_itself( $post );
	if ( $places_itself || ( anp_components_append_enabled() && null !== anp_components_get_article( $post->ID ) ) ) {
		wp_enqueue_script( ANP_COMPONENTS_HANDLE );
		wp_enqueue_style( ANP_COMPONENTS_HANDLE );
	}
}
add_action( 'wp_enqueue_scripts', 'anp_components_enqueue_early' );

/**
 * the_content filter: appends the elements after the content of the post a
 * single-post page is about, so they sit inside the theme's content column
 * (classic themes call the_content() there; block themes' Post Content block
 * applies the same filter). Not in feeds, excerpts, other loops, or twice.
 *
 * @param string $content Post content.
 * @return string
 */
function anp_components_append_to_content( $content ) {
	if ( ! anp_components_append_enabled() || is_feed() || is_admin() || ! is_singular() || ! is_main_query() ) {
		return $content;
	}
	if ( doing_filter( 'get_the_excerpt' ) || doing_filter( 'wp_trim_excerpt' ) ) {
		return $content;
	}
	// Classic themes run the loop; block themes before 6.4 render the Post
	// Content block outside it, for the queried post.
	if ( ! in_the_loop() && ! ( function_exists( 'wp_is_block_theme' ) && wp_is_block_theme() ) ) {
		return $content;
	}
	$post = get_post();
	if ( ! ( $post instanceof WP_Post ) || (int) $post->ID !== (int) get_queried_object_id() ) {
		return $content;
	}
	if ( anp_components_post_places_itself( $post ) || false !== strpos( $content, '<anp-article' ) ) {
		return $content;
	}
	return $content . anp_components_render( $post->ID, anp_components_known_elements(), false );
}
add_filter( 'the_content', 'anp_components_append_to_content', 20 );

/**
 * Shortcode [anp_article elements="meta-box,checklist" post_id="123"].
 * Defaults: every element, the current post. An empty article shows the
 * elements' empty state.
 *
 * @param array|string $atts Shortcode attributes.
 * @return string
 */
function anp_components_shortcode( $atts ) {
	if ( is_feed() ) {
		return '';
	}
	$atts = shortcode_atts(
		array(
			'elements' => implode( ',', anp_components_known_elements() ),
			'post_id'  => 0,
		),
		$atts,
		'anp_article'
	);
	$post_id = absint( $atts['post_id'] );
	if ( ! $post_id ) {
		$post_id = get_the_ID();
	}
	return anp_components_render( (int) $post_id, anp_components_parse_elements( $atts['elements'] ), true );
}

/**
 * Render callback of the anp/article block.
 *
 * @param array    $attributes Block attributes.
 * @param string   $content    Inner content (none).
 * @param WP_Block $block      Block instance (context postId).
 * @return string
 */
function anp_components_render_block( $attributes, $content = '', $block = null ) {
	$post_id = ( $block instanceof WP_Block && isset( $block->context['postId'] ) ) ? (int) $block->context['postId'] : (int) get_the_ID();
	$markup  = anp_components_render( $post_id, anp_components_parse_elements( $attributes['elements'] ?? '' ), true );
	if ( '' === $markup ) {
		return '';
	}
	return '<div ' . get_block_wrapper_attributes() . '>' . $markup . '</div>';
}

/** Registers the block, the shortcode and the setting. */
function anp_components_init() {
	register_block_type( __DIR__, array( 'render_callback' => 'anp_components_render_block' ) );
	add_shortcode( 'anp_article', 'anp_components_shortcode' );
	register_setting(
		'reading',
		ANP_COMPONENTS_OPTION_APPEND,
		array(
			'type'              => 'boolean',
			'default'           => true,
			'sanitize_callback' => 'anp_components_sanitize_flag',
			'show_in_rest'      => false,
		)
	);
}
add_action( 'init', 'anp_components_init' );

/**
 * Stored as '1' or '0'.
 *
 * @param mixed $value Submitted value.
 * @return string
 */
function anp_components_sanitize_flag( $value ) {
	return $value ? '1' : '0';
}

/** Settings > Reading: one checkbox. */
function anp_components_settings_field() {
	add_settings_field(
		ANP_COMPONENTS_OPTION_APPEND,
		esc_html__( 'anp components', 'anp-components' ),
		'anp_components_settings_checkbox',
		'reading',
		'default',
		array( 'label_for' => ANP_COMPONENTS_OPTION_APPEND )
	);
}
add_action( 'admin_init', 'anp_components_settings_field' );

/** The checkbox. */
function anp_components_settings_checkbox() {
	printf(
		'<input type="hidden" name="%1$s" value="0"><label><input type="checkbox" id="%1$s" name="%1$s" value="1" %2$s> %3$s</label>',
		esc_attr( ANP_COMPONENTS_OPTION_APPEND ),
		checked( anp_components_append_enabled(), true, false ),
		esc_html__( 'Show the meta box, score bars, checklist and similar posts after the content of single posts that have anp_article meta', 'anp-components' )
	);
}

/** Activation: store the default explicitly, so it shows in the options table. */
function anp_components_activate() {
	add_option( ANP_COMPONENTS_OPTION_APPEND, '1' );
}
register_activation_hook( __FILE__, 'anp_components_activate' );
