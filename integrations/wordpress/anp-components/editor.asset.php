<?php
// Dependencies of editor.js for register_block_type(); written by hand (no build step).
return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor' ),
	'version'      => '0.1.0',
);
