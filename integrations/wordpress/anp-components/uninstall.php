<?php
/**
 * Runs when the plugin is deleted from Plugins > Installed Plugins.
 * Removes the plugin's own options and nothing else: the posts' anp_article
 * meta belongs to the site, not to the plugin.
 */
if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
delete_option( 'anp_components_append' );
